/** Debian's coturn on loopback with the committed coturn/turnserver.conf, for the TURN tests. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config';
import { freePort } from '../../../scripts/cluster';

const CONFIG = path.join(REPO_ROOT, 'coturn', 'turnserver.conf');

/** A port free for both TCP and UDP (coturn listens on both). */
async function freeTurnPort(): Promise<number> {
  for (;;) {
    const port = await freePort();
    const udpFree = await new Promise<boolean>((resolve) => {
      const socket = dgram.createSocket('udp4');
      socket.once('error', () => resolve(false));
      socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
    });
    if (udpFree) return port;
  }
}

export interface Turn {
  port: number;
  process: ChildProcess;
  log: () => string;
}

/** Starts coturn with the committed config, on loopback, and waits until STUN answers. */
export async function startTurn(dir: string, secret: string, ciFlags: boolean): Promise<Turn> {
  const port = await freeTurnPort();
  // Relay ports below Linux's ephemeral range; coturn skips any that happen to be taken.
  const minPort = 20_000 + Math.floor(Math.random() * 190) * 64;
  const args = [
    '-c',
    CONFIG,
    '--listening-ip=127.0.0.1',
    '--relay-ip=127.0.0.1',
    `--listening-port=${port}`,
    `--min-port=${minPort}`,
    `--max-port=${minPort + 63}`,
    `--static-auth-secret=${secret}`,
    '--realm=spotlight.test',
    `--pidfile=${path.join(dir, `turnserver-${port}.pid`)}`,
    // The CI variant: this throwaway instance may relay to loopback peers. Production never.
    ...(ciFlags ? ['--allow-loopback-peers', '--allowed-peer-ip=127.0.0.1'] : []),
  ];
  let output = '';
  const child = spawn('turnserver', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`turnserver exited:\n${output}`);
    // The same probe as the compose healthcheck.
    const stun = spawnSync('turnutils_stunclient', ['-p', String(port), '127.0.0.1'], {
      timeout: 5000,
    });
    if (stun.status === 0) return { port, process: child, log: () => output };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`turnserver did not answer STUN on ${port}:\n${output}`);
}

export async function stopTurn(turn: Turn | undefined) {
  if (!turn || turn.process.exitCode !== null) return;
  const exited = new Promise((resolve) => turn.process.once('exit', resolve));
  turn.process.kill('SIGTERM');
  const timer = setTimeout(() => turn.process.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
