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
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { api, callEndpoint } from '@spotlight/contracts';
import { pool, ROOT, scratchDatabase, startNode, tempDir } from './processes';
import {
  latencyRound,
  median,
  percentile,
  prepare,
  sorted,
  throughputRound,
  type Pace,
  type Target,
} from './rounds';

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

const PACE: Pace = { senders: SENDERS, rate: RATE, window: WINDOW };

const limit = setTimeout(() => {
  console.error(`chat-fanout: stopped after --max-seconds ${MAX_SECONDS}`);
  process.exit(2);
}, MAX_SECONDS * 1000);
limit.unref();

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

  const dataDir = tempDir();
  const scratch =
    !flags['database-url'] && process.env.DATABASE_URL
      ? await scratchDatabase(process.env.DATABASE_URL)
      : undefined;
  const databaseUrl = flags['database-url'] ?? scratch?.url ?? '';
  const backendScript = path.join(ROOT, 'backend', 'src', 'server.ts');
  const backend = await startNode(
    backendScript,
    {
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
    },
    flags.profile,
  );
  const bareScript = path.join(ROOT, 'bench', 'chat-fanout', 'bare-server.ts');
  const bareServer = await startNode(bareScript, {}, flags.profile);
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
      await latencyRound(target, perRound, PACE);
      await throughputRound(target, burstPerRound, PACE);
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
