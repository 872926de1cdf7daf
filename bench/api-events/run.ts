/**
 * `npm run bench:api`: GET /api/events under 100 concurrent keep-alive connections, against a
 * real server (its own process, PGlite by default, PostgreSQL when DATABASE_URL is set) with
 * a few hundred events and a signed-in user; and, in the same run, the baseline GET /api/health
 * (no auth, no database). Prints p50/p95/p99 latency and requests/s, and the ratio.
 *
 * Options (environment): BENCH_SECONDS (10 per endpoint), BENCH_CONNECTIONS (100),
 * BENCH_WARMUP_SECONDS (2), BENCH_EVENTS (300), DATABASE_URL.
 * The SPEC target: p99 < 20 ms at 100 connections for GET /api/events.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { ReadyMessage } from './server';

const here = path.dirname(fileURLToPath(import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const TARGET_P99_MS = 20;

interface Target {
  label: string;
  path: string;
  auth: boolean;
}

const TARGETS: Target[] = [
  { label: 'GET /api/health (baseline)', path: '/api/health', auth: false },
  { label: 'GET /api/events', path: '/api/events', auth: true },
  {
    label: 'GET /api/events?q=swing&when=upcoming',
    path: '/api/events?q=swing&when=upcoming',
    auth: true,
  },
];

interface Measurement {
  label: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  /** What the errors were: non-200 answers by status, connection errors, timeouts. */
  errorDetail: string;
  /** Server CPU time (user + system) per request, µs. */
  cpuPerRequest: number;
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
    : NaN;

/**
 * Runs autocannon for the warm-up plus `seconds` on the same connections, and keeps every
 * response time of requests sent after the warm-up, for exact percentiles. (A fresh set of 100
 * connections opening at once is a start-up burst, not the steady state.) The server's CPU
 * time is sampled at the same two moments.
 */
async function measure(
  child: ChildProcess,
  url: string,
  target: Target,
  token: string,
  seconds: number,
): Promise<Measurement> {
  const times: number[] = [];
  let errors = 0;
  const statuses = new Map<number, number>();
  let measuring = false;
  let measuredFrom = 0;
  let cpuBefore: Promise<NodeJS.CpuUsage> | undefined;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: url + target.path,
        connections: CONNECTIONS,
        duration: WARMUP + seconds,
        headers: target.auth ? { authorization: `Bearer ${token}` } : {},
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    setTimeout(() => {
      measuring = true;
      measuredFrom = performance.now();
      cpuBefore = serverCpu(child);
    }, WARMUP * 1000);
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== 200) statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
      // Only requests sent after the warm-up count.
      if (!measuring || performance.now() - responseTime < measuredFrom) return;
      if (statusCode !== 200) errors++;
      times.push(responseTime);
    });
  });
  const measuredSeconds = (performance.now() - measuredFrom) / 1000;
  const before = await cpuBefore!;
  const after = await serverCpu(child);
  const cpu = after.user - before.user + (after.system - before.system);
  const sorted = Float64Array.from(times).sort();
  return {
    label: target.label,
    requests: times.length,
    perSecond: times.length / measuredSeconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    // Errors and timeouts of the whole run, warm-up included: any at all spoils the figures.
    errors: errors + result.errors + result.timeouts,
    errorDetail: [
      ...[...statuses].map(([status, n]) => `${n}× HTTP ${status}`),
      ...(result.errors ? [`${result.errors} errors`] : []),
      ...(result.timeouts ? [`${result.timeouts} timeouts (10 s)`] : []),
    ].join(', '),
    cpuPerRequest: cpu / Math.max(1, times.length),
  };
}

function startBenchServer(): Promise<{ child: ChildProcess; ready: ReadyMessage }> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'server.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const timer = setTimeout(
      () => reject(new Error('the server did not start within 120 s')),
      120_000,
    );
    child.once('message', (message: ReadyMessage) => {
      clearTimeout(timer);
      resolve({ child, ready: message });
    });
    child.once('exit', (code) => reject(new Error(`the server exited early (${code})`)));
  });
}

function serverCpu(child: ChildProcess): Promise<NodeJS.CpuUsage> {
  return new Promise((resolve) => {
    const onMessage = (message: { type?: string; usage?: NodeJS.CpuUsage }) => {
      if (message.type !== 'cpu' || !message.usage) return;
      child.off('message', onMessage);
      resolve(message.usage);
    };
    child.on('message', onMessage);
    child.send({ type: 'cpu' });
  });
}

const ms = (value: number) => value.toFixed(2).padStart(8);

async function main() {
  const { child, ready } = await startBenchServer();
  try {
    console.log(
      `spotlight.cam API benchmark: ${ready.database}, ${ready.events} events, ${CONNECTIONS} connections, ${SECONDS} s per endpoint after a ${WARMUP} s warm-up on the same connections; server and load generator in separate processes on ${(await import('node:os')).cpus().length} cores.`,
    );
    const results: Measurement[] = [];
    for (const target of TARGETS) {
      results.push(await measure(child, ready.url, target, ready.token, SECONDS));
    }
    console.log('');
    console.log(
      `${'endpoint'.padEnd(40)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'errors'.padStart(7)} ${'server CPU µs/req'.padStart(18)}`,
    );
    for (const r of results) {
      console.log(
        `${r.label.padEnd(40)} ${r.perSecond.toFixed(0).padStart(8)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.p99)} ${ms(r.max)} ${String(r.errors).padStart(7)} ${r.cpuPerRequest.toFixed(0).padStart(18)}`,
      );
    }
    const [health, events] = results;
    console.log('');
    console.log(
      `GET /api/events vs /api/health: p99 ${(events!.p99 / health!.p99).toFixed(1)}x, throughput ${(events!.perSecond / health!.perSecond).toFixed(2)}x, server CPU per request ${(events!.cpuPerRequest / health!.cpuPerRequest).toFixed(1)}x`,
    );
    const met = events!.p99 < TARGET_P99_MS && events!.errors === 0;
    console.log(
      `SPEC target GET /api/events p99 < ${TARGET_P99_MS} ms at ${CONNECTIONS} connections: ${met ? 'met' : 'NOT met'} (p99 ${events!.p99.toFixed(1)} ms)`,
    );
    for (const r of results.filter((r) => r.errorDetail)) {
      console.log(`${r.label}: ${r.errorDetail} (warm-up included)`);
    }
    if (results.some((r) => r.errors > 0)) {
      console.log(
        'Some requests failed (non-200, errors or timeouts): the figures above are not valid.',
      );
      process.exitCode = 1;
    }
  } finally {
    child.send({ type: 'stop' });
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
