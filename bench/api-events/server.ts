/**
 * The server side of the GET /api/events benchmark, in a process of its own so that the load
 * generator does not share its event loop: a real server on a fresh database (PGlite on disk,
 * or a new PostgreSQL database when DATABASE_URL is set), a few hundred events, and a signed-in
 * user. It reports `{ url, token, ... }` to the parent over IPC and stops on `stop`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../backend/src/config';
import { upsertEvents, type NewEvent } from '../../backend/src/modules/events/repository';
import { startServer } from '../../backend/src/server';

export interface ReadyMessage {
  type: 'ready';
  url: string;
  token: string;
  events: number;
  database: string;
}

const EVENT_COUNT = Number(process.env.BENCH_EVENTS ?? 300);
const CITIES = [
  'Burbank, CA',
  'Paris',
  'Warsaw',
  'Budapest',
  'Denver, CO',
  'Boston, MA',
  'Phoenix, AZ',
  'Berlin',
  'Sydney',
  'Toronto',
];
const KINDS = ['Swing Open', 'Westie Fest', 'Swing Classic', 'Dance Jam', 'Swing Championships'];

const isoDate = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

function eventRows(): NewEvent[] {
  return Array.from({ length: EVENT_COUNT }, (_, i) => {
    const offset = -365 + Math.floor((730 * i) / EVENT_COUNT);
    const city = CITIES[i % CITIES.length]!;
    return {
      name: `${city.split(',')[0]} ${KINDS[i % KINDS.length]} ${i}`,
      location: city,
      startDate: isoDate(offset),
      endDate: isoDate(offset + 3),
      worldsdcId: `bench-${i}`,
      description: 'Workshops, Jack & Jill and Strictly Swing competitions, socials every night.',
    };
  });
}

/** A fresh PostgreSQL database next to DATABASE_URL's, and how to drop it. */
async function freshPostgres(base: string) {
  const name = `spotlight_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'spotlight-bench-'));
  const postgres = process.env.DATABASE_URL
    ? await freshPostgres(process.env.DATABASE_URL)
    : undefined;
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    DATABASE_URL: postgres?.url ?? '',
    JWT_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO_DATA: 'false',
    SERVE_FRONTEND: 'false',
    REDIS_URL: '',
    LOG_LEVEL: 'silent',
    // One client machine sends everything: lift the per-IP ceiling out of the way.
    API_MAX_PER_IP_PER_MINUTE: '1000000',
  });
  const server = await startServer(config);
  const { db } = server.ctx;
  const { ids } = await db.transaction((tx) => upsertEvents(tx, eventRows()));
  const { session } = await server.services.auth.register(
    { email: 'bench@example.test', username: 'bench_dancer', password: 'benchmark passphrase' },
    { ip: '127.0.0.1' },
  );
  const user = await server.services.auth.resolveToken(session.token);
  for (const id of ids.slice(0, 20)) await server.services.events.join(user!.id, id);

  const ready: ReadyMessage = {
    type: 'ready',
    url: server.url,
    token: session.token,
    events: ids.length,
    database: postgres ? 'PostgreSQL (DATABASE_URL, pool of 20)' : 'embedded PGlite on disk',
  };
  process.send!(ready);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'stop') void stop();
    // CPU time is a figure that other load on the machine disturbs less than latency.
    if (message.type === 'cpu') process.send!({ type: 'cpu', usage: process.cpuUsage() });
  });
  // The parent went away without saying stop: clean up anyway.
  process.on('disconnect', () => void stop());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
