/**
 * The process and port plumbing of scripts/cluster.ts: free ports, readiness probes, child
 * processes logging to a file, and the exit hook that takes them down if the caller crashes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const READY_TIMEOUT_MS = 90_000;

/** A port nobody listens on right now (the kernel's pick). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function portIsFree(port: number, host = '0.0.0.0'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** A port free on each of 127.0.0.1 ... 127.0.0.N. */
export async function freeOnAll(count: number): Promise<number> {
  for (;;) {
    const port = await freePort();
    const free = await Promise.all(
      Array.from({ length: count }, (_, i) => portIsFree(port, `127.0.0.${i + 1}`)),
    );
    if (free.every(Boolean)) return port;
  }
}

/** GET url; the status, or 0 when nothing answers. */
function probe(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 3000, agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(0));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const tail = (file: string, lines = 30) =>
  existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '';

/** Polls until `url` answers 200, the process dies, or the time is up. */
export async function waitForOk(url: string, what: string, exited: () => ExitInfo | undefined) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const dead = exited();
    if (dead) throw new Error(`${what} exited (${dead.signal ?? dead.code}) before it was ready`);
    if ((await probe(url)) === 200) return;
    await sleep(100);
  }
  throw new Error(`${what} was not ready after ${READY_TIMEOUT_MS / 1000} s (${url})`);
}

export interface Tracked {
  child: ChildProcess;
  exit?: ExitInfo;
  exited: Promise<ExitInfo>;
}

/** Spawns a process whose output goes to a log file, and tracks its exit. */
export function launch(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
): Tracked {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const tracked: Tracked = {
    child,
    exited: new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        tracked.exit = { code, signal };
        live.delete(child);
        // Let the pipes drain into the log before closing it.
        setImmediate(() => log.end());
        resolve(tracked.exit);
      });
    }),
  };
  child.once('error', (error) => log.write(`spawn failed: ${error.message}\n`));
  live.add(child);
  return tracked;
}

/** Children still running, and clusters not stopped, cleaned up if this process exits anyway. */
const live = new Set<ChildProcess>();
export const abandoned = new Set<() => void>();
let exitHookInstalled = false;
export function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    // nginx's master takes its workers down on SIGTERM; SIGKILL would orphan them.
    live.forEach((child) => child.kill('SIGTERM'));
    abandoned.forEach((cleanup) => cleanup());
  });
}

export async function stopProcess(tracked: Tracked, signal: NodeJS.Signals, graceMs: number) {
  if (tracked.exit) return tracked.exit;
  tracked.child.kill(signal);
  const timer = setTimeout(() => tracked.child.kill('SIGKILL'), graceMs);
  const result = await tracked.exited;
  clearTimeout(timer);
  return result;
}
