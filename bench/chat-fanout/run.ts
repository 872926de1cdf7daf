/**
 * bench/chat-fanout: N sockets (default 1,500, the largest WCS events) in one event room on
 * one backend process, and a measured stream of messages from a few senders.
 *
 *   npm run bench:chat -- [--sockets 1500] [--senders 10] [--messages 100] [--rate 5]
 *                         [--burst 300] [--window 10] [--rounds 3] [--max-seconds 900]
 *                         [--database-url URL] [--profile DIR]
 *
 * The same client process holds N sockets on spotlight.cam's backend and N on a bare Socket.IO
 * broadcast server (no database, no auth), and measures both, in interleaved rounds so that a
 * change in the machine's load hits both alike:
 *   - latency: `--messages` messages in all, paced at `--rate` per second; the delay from emit
 *     to arrival at each of the other N-1 sockets, as p50/p95/p99;
 *   - throughput: `--burst` messages in all, `--window` in flight; messages per second until
 *     every socket had every message (the median of the rounds).
 * It prints both, the throughput ratio, and each server's CPU time per message over the
 * throughput rounds (from /proc): on a shared machine the wall-clock ratio moves with other
 * load, the CPU cost per message much less. Targets: p99 under 250 ms, and at least 0.7 of the
 * bare throughput. The backend runs on an embedded PGlite in a temporary directory; with
 * DATABASE_URL set, on a scratch PostgreSQL database created on that server for the run (and
 * dropped after); `--database-url` names a database to use as it is. Chat limits are raised for
 * the run: it measures the message path, not the abuse limits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  api,
  callEndpoint,
  SOCKET_PATH,
  type ClientToServerEvents,
  type EventMessage,
  type ServerToClientEvents,
} from '@spotlight/contracts';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const { values: flags } = parseArgs({
  options: {
    sockets: { type: 'string', default: '1500' },
    senders: { type: 'string', default: '10' },
    messages: { type: 'string', default: '100' },
    rate: { type: 'string', default: '5' },
    burst: { type: 'string', default: '300' },
    window: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    'max-seconds': { type: 'string', default: '900' },
    'database-url': { type: 'string' },
    /** Write a V8 CPU profile of each server into this directory. */
    profile: { type: 'string' },
  },
});
const positive = (name: keyof typeof flags) => {
  const value = Number(flags[name]);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer`);
  return value;
};
const SOCKETS = positive('sockets');
const SENDERS = Math.min(positive('senders'), SOCKETS - 1);
const MESSAGES = positive('messages');
const RATE = positive('rate');
const BURST = positive('burst');
const WINDOW = positive('window');
const ROUNDS = positive('rounds');
const MAX_SECONDS = positive('max-seconds');
if (SOCKETS < 2) throw new Error('--sockets must be at least 2');

const children = new Set<ChildProcess>();
const tempDirs: string[] = [];
const cleanup = () => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
};
process.once('exit', cleanup);

/** A scratch database on the server of `base`, and how to drop it. */
async function scratchDatabase(base: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `spotlight_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(`drop database if exists "${name}" with (force)`),
  };
}
const limit = setTimeout(() => {
  console.error(`chat-fanout: stopped after --max-seconds ${MAX_SECONDS}`);
  process.exit(2);
}, MAX_SECONDS * 1000);
limit.unref();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

interface Child {
  url: string;
  /** CPU time the process has used so far (user + system), in ms; NaN where /proc is missing. */
  cpuMs(): number;
  stop(): Promise<void>;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime of a process from /proc (Linux), in ms. */
function processCpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at state, field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

async function startNode(script: string, env: Record<string, string>): Promise<Child> {
  const port = await freePort();
  const profile = flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${flags.profile}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`${script} exited during start`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 1200) throw new Error(`${script} did not start`);
    await sleep(100);
  }
  return {
    url,
    cpuMs: () => processCpuMs(child.pid),
    async stop() {
      child.kill('SIGTERM');
      await exited;
      children.delete(child);
    },
  };
}

/** Runs `task` over `items`, `concurrency` at a time. */
async function pool<T, R>(items: T[], concurrency: number, task: (item: T) => Promise<R>) {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]!);
      }
    }),
  );
  return results;
}

/** N dancers checked in to one event of the backend, with a token each. */
async function spotlightDancers(base: string): Promise<{ eventId: number; tokens: string[] }> {
  const run = randomBytes(3).toString('hex');
  const register = (i: number) =>
    callEndpoint(base, api.auth.register, {
      body: {
        email: `bench.${run}.${i}@example.test`,
        username: `bench_${run}_${i}`,
        password: `fan out ${run} ${i}`,
      },
    }).then((r) => r.token);
  const first = await register(0);
  const events = await callEndpoint(base, api.events.list, { query: { page: 1, limit: 1 } }, first);
  const eventId = events.items[0]?.id;
  if (!eventId) throw new Error('the backend has no event (seed it, or use an empty database)');
  const rest = await pool(
    Array.from({ length: SOCKETS - 1 }, (_, i) => i + 1),
    16,
    register,
  );
  const tokens = [first, ...rest];
  await pool(tokens, 16, (token) =>
    callEndpoint(base, api.events.join, { params: { id: eventId } }, token),
  );
  return { eventId, tokens };
}

function connect(url: string, token: string | undefined): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: token ? { token } : {},
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(error));
  });
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

interface Target {
  name: string;
  server: Child;
  /** Server CPU time over the throughput rounds, and the messages they carried. */
  cpuMs: number;
  cpuMessages: number;
  sockets: ClientSocket[];
  eventId: number;
  setupSeconds: number;
  latencies: number[];
  acks: number[];
  lost: number;
  /** Messages per second of each throughput round. */
  rounds: number[];
}

/** Connects N sockets and joins them to the event room; waits for the arrival wave to pass. */
async function prepare(
  name: string,
  server: Child,
  eventId: number,
  tokens: (string | undefined)[],
): Promise<Target> {
  const setupStart = performance.now();
  const sockets = await pool(tokens, 50, (token) => connect(server.url, token));
  await pool(sockets, 50, async (socket) => {
    const ack = await socket.timeout(60_000).emitWithAck('join_event_room', { eventId });
    if (!ack.ok) throw new Error(`join: ${ack.error.code}`);
  });
  // Let the arrival wave of active_users pushes pass before measuring.
  let lastPush = performance.now();
  for (const socket of sockets) socket.on('active_users', () => (lastPush = performance.now()));
  while (performance.now() - lastPush < 3_000) await sleep(250);
  for (const socket of sockets) socket.off('active_users');
  return {
    name,
    server,
    cpuMs: 0,
    cpuMessages: 0,
    sockets,
    eventId,
    setupSeconds: (performance.now() - setupStart) / 1000,
    latencies: [],
    acks: [],
    lost: 0,
    rounds: [],
  };
}

let phases = 0;

/** Sends `count` messages and resolves once every other socket had each one (or 60 s passed). */
async function phase(
  target: Target,
  count: number,
  send: (emit: (seq: number) => Promise<void>) => Promise<void>,
) {
  const { sockets, eventId } = target;
  const expected = count * (sockets.length - 1);
  const sentAt = new Float64Array(count);
  const latencies = new Float64Array(expected);
  const acks = new Float64Array(count);
  let delivered = 0;
  let lastArrival = 0;
  let done!: () => void;
  const complete = new Promise<void>((resolve) => (done = resolve));
  const prefix = `p${phases++} `;
  const onMessage = (message: EventMessage) => {
    if (!message.content.startsWith(prefix)) return;
    const now = performance.now();
    latencies[delivered++] = now - sentAt[Number(message.content.slice(prefix.length))]!;
    lastArrival = now;
    if (delivered === expected) done();
  };
  for (const socket of sockets) socket.on('event_message', onMessage);

  const senders = sockets.slice(0, SENDERS);
  const started = performance.now();
  await send(async (seq) => {
    sentAt[seq] = performance.now();
    const ack = await senders[seq % senders.length]!.timeout(30_000).emitWithAck(
      'send_event_message',
      { eventId, content: `${prefix}${seq}`, clientId: randomUUID() },
    );
    if (!ack.ok) throw new Error(`${target.name} ${seq}: ${ack.error.code} ${ack.error.message}`);
    acks[seq] = performance.now() - sentAt[seq]!;
  });
  await Promise.race([complete, sleep(60_000)]);
  for (const socket of sockets) socket.off('event_message', onMessage);
  target.lost += expected - delivered;
  return {
    seconds: ((delivered === expected ? lastArrival : performance.now()) - started) / 1000,
    latencies: latencies.subarray(0, delivered),
    acks,
  };
}

/** Paced at RATE per second: what a dancer sees at a steady pace. */
async function latencyRound(target: Target, count: number) {
  const result = await phase(target, count, async (emit) => {
    const start = performance.now();
    const pending: Promise<void>[] = [];
    for (let seq = 0; seq < count; seq++) {
      const wait = start + (seq * 1000) / RATE - performance.now();
      if (wait > 0) await sleep(wait);
      pending.push(emit(seq));
    }
    await Promise.all(pending);
  });
  for (const value of result.latencies) target.latencies.push(value);
  for (const value of result.acks) target.acks.push(value);
}

/** As fast as WINDOW messages in flight allow. */
async function throughputRound(target: Target, count: number) {
  const cpuBefore = target.server.cpuMs();
  const result = await phase(target, count, async (emit) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: WINDOW }, async () => {
        while (next < count) await emit(next++);
      }),
    );
  });
  target.rounds.push(count / result.seconds);
  target.cpuMs += target.server.cpuMs() - cpuBefore;
  target.cpuMessages += count;
}

const sorted = (values: number[]) => Float64Array.from(values).sort();
const median = (values: number[]) => percentile(sorted(values), 0.5);

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);
const num = (value: number) => value.toFixed(0).padStart(9);

function row(target: Target) {
  const latencies = sorted(target.latencies);
  const acks = sorted(target.acks);
  const throughput = median(target.rounds);
  return (
    target.name.padEnd(22) +
    ms(percentile(latencies, 0.5)) +
    ms(percentile(latencies, 0.95)) +
    ms(percentile(latencies, 0.99)) +
    ms(latencies.at(-1) ?? NaN) +
    ms(percentile(acks, 0.99)) +
    String(target.lost).padStart(6) +
    num(throughput) +
    num(throughput * (SOCKETS - 1)).padStart(13) +
    ms(target.cpuMs / target.cpuMessages) +
    '   ' +
    target.rounds.map((r) => r.toFixed(0)).join(' / ')
  );
}

async function main() {
  console.log(
    `chat-fanout: ${SOCKETS} sockets in one event room, ${SENDERS} senders, ${ROUNDS} rounds each ` +
      `(spotlight and bare interleaved); latency: ${MESSAGES} messages at ${RATE}/s; ` +
      `throughput: ${BURST} messages, ${WINDOW} in flight`,
  );

  const dataDir = mkdtempSync(path.join(tmpdir(), 'spotlight-bench-'));
  tempDirs.push(dataDir);
  const scratch =
    !flags['database-url'] && process.env.DATABASE_URL
      ? await scratchDatabase(process.env.DATABASE_URL)
      : undefined;
  const databaseUrl = flags['database-url'] ?? scratch?.url ?? '';
  const backend = await startNode(path.join(ROOT, 'backend', 'src', 'server.ts'), {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    REDIS_URL: '',
    SEED_DEMO_DATA: 'true',
    SERVE_FRONTEND: 'false',
    JWT_SECRET: randomBytes(32).toString('hex'),
    BCRYPT_COST: '4',
    CHAT_RATE_PER_SECOND: '1000',
    CHAT_BURST: '10000',
    REGISTER_MAX_PER_IP_PER_HOUR: '100000',
    API_MAX_PER_IP_PER_MINUTE: '1000000',
    SOCKET_CONNECTS_PER_IP_PER_MINUTE: '1000000',
  });
  const bareServer = await startNode(path.join(ROOT, 'bench', 'chat-fanout', 'bare-server.ts'), {});
  const database = databaseUrl ? 'PostgreSQL' : 'PGlite';

  process.stdout.write(`registering ${SOCKETS} dancers… `);
  const { eventId, tokens } = await spotlightDancers(backend.url);
  process.stdout.write('connecting… ');
  const spotlight = await prepare(`spotlight (${database})`, backend, eventId, tokens);
  const bare = await prepare(
    'bare socket.io',
    bareServer,
    1,
    new Array<undefined>(SOCKETS).fill(undefined),
  );
  console.log(
    `ready (spotlight ${spotlight.setupSeconds.toFixed(1)} s, bare ${bare.setupSeconds.toFixed(1)} s)`,
  );

  // Interleaved, so that a change in the machine's load hits both alike.
  const perRound = Math.max(1, Math.round(MESSAGES / ROUNDS));
  const burstPerRound = Math.max(1, Math.round(BURST / ROUNDS));
  for (let round = 0; round < ROUNDS; round++) {
    process.stdout.write(`round ${round + 1}/${ROUNDS}… `);
    for (const target of round % 2 ? [bare, spotlight] : [spotlight, bare]) {
      await latencyRound(target, perRound);
      await throughputRound(target, burstPerRound);
    }
  }
  console.log('done');
  for (const socket of [...spotlight.sockets, ...bare.sockets]) socket.close();
  await Promise.all([backend.stop(), bareServer.stop()]);
  await scratch?.drop();

  console.log(
    '\n' +
      'server'.padEnd(22) +
      ['lat p50', 'lat p95', 'lat p99', 'lat max', 'ack p99'].map((h) => h.padStart(10)).join('') +
      'lost'.padStart(6) +
      'msgs/s'.padStart(9) +
      'deliveries/s'.padStart(13) +
      'CPU/msg'.padStart(10) +
      '   msgs/s per round',
  );
  console.log(row(spotlight));
  console.log(row(bare));
  const ratio = median(spotlight.rounds) / median(bare.rounds);
  const cpuRatio = bare.cpuMs / bare.cpuMessages / (spotlight.cpuMs / spotlight.cpuMessages);
  const p99 = percentile(sorted(spotlight.latencies), 0.99);
  console.log(
    `\nthroughput ratio spotlight/bare: ${ratio.toFixed(2)} (target ≥ 0.70: ${ratio >= 0.7 ? 'met' : 'NOT met'})`,
  );
  console.log(
    `server CPU per message, bare/spotlight: ${cpuRatio.toFixed(2)} ` +
      '(the throughput ratio if both servers had a core to themselves' +
      `${databaseUrl ? "; PostgreSQL's own processes not counted" : ''})`,
  );
  console.log(
    `p99 delivery latency: ${p99.toFixed(1)} ms (target < 250 ms: ${p99 < 250 ? 'met' : 'NOT met'})`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
