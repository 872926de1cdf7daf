/**
 * The delivery guarantee under a crash: a client sends 1,000 messages with acknowledgements
 * while the backend process is killed with SIGKILL and started again. The client retries every
 * message it has no acknowledgement for, with the same clientId. Afterwards every acknowledged
 * message is in the database exactly once, and no clientId is stored twice.
 *
 * The database must outlive the process: a PostgreSQL clone with DATABASE_URL, otherwise an
 * embedded PGlite in a directory on disk.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type EventMessage } from '@spotlight/contracts';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client';
import { messages } from '../../src/db/schema';
import { upsertEvents } from '../../src/modules/events/repository';
import { openTestDatabase } from '../harness';
import {
  dancerOn,
  killAll,
  processEnv,
  spawnBackend,
  type BackendProcess,
} from '../process-harness';
import { openSocket, type ClientSocket } from '../socket-harness';

const TOTAL = 1_000;
const IN_FLIGHT = 20;
const KILL_AFTER = 300;
const ACK_TIMEOUT_MS = 3_000;

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  await killAll();
  for (const step of cleanup.reverse()) await step();
});

/** A database that survives the process: PostgreSQL clone, or PGlite on disk. */
async function durableDatabase(): Promise<{
  env: Record<string, string>;
  open(): Promise<DatabaseHandle>;
}> {
  if (process.env.DATABASE_URL) {
    const database = await openTestDatabase();
    cleanup.push(async () => {
      await database.handle.close();
      await database.drop();
    });
    return { env: { DATABASE_URL: database.url! }, open: async () => database.handle };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'spotlight-fault-'));
  cleanup.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  const pgliteDir = path.join(dataDir, 'pglite');
  return {
    env: { DATA_DIR: dataDir },
    open: () => openDatabase({ dataDir: pgliteDir }),
  };
}

it('loses no acknowledged message and stores none twice when the backend is SIGKILLed', async () => {
  const database = await durableDatabase();
  // The event is there before the first start, as an organiser's import would put it.
  let handle = await database.open();
  await handle.migrate();
  const { ids } = await upsertEvents(handle.db, [
    {
      name: 'Crash Test Swing',
      location: 'Nowhere',
      startDate: '2030-01-01',
      endDate: '2030-01-02',
      worldsdcId: `fault-${randomUUID()}`,
    },
  ]);
  const eventId = ids[0]!;
  if (!process.env.DATABASE_URL) await handle.close();

  const env = processEnv({
    ...database.env,
    CHAT_RATE_PER_SECOND: '1000',
    CHAT_BURST: '10000',
    SHUTDOWN_TIMEOUT_MS: '2000',
  });
  let backend: BackendProcess = await spawnBackend(env);
  const dancer = await dancerOn(backend.url, eventId);

  const socket: ClientSocket = openSocket(backend.url, {
    token: dancer.token,
    reconnection: true,
  });
  const outbox = Array.from({ length: TOTAL }, (_, i) => ({
    clientId: randomUUID(),
    content: `message ${i}`,
  }));
  const acked = new Map<string, EventMessage[]>();
  let retries = 0;
  let killed = false;
  let restarting: Promise<void> | undefined;

  const connected = () =>
    socket.connected
      ? Promise.resolve()
      : new Promise<void>((resolve) => socket.once('connect', () => resolve()));

  /** Sends one message until it is acknowledged, with the same clientId every time. */
  const deliver = async (item: (typeof outbox)[number]) => {
    for (;;) {
      await connected();
      try {
        const ack = await socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('send_event_message', { eventId, ...item });
        if (!ack.ok) throw new Error(`${ack.error.code}: ${ack.error.message}`);
        acked.set(item.clientId, [...(acked.get(item.clientId) ?? []), ack.message]);
        if (!killed && acked.size >= KILL_AFTER) {
          killed = true;
          // Mid-stream: IN_FLIGHT messages are on their way right now.
          restarting = (async () => {
            await backend.kill('SIGKILL');
            backend = await spawnBackend(env, backend.port);
          })();
        }
        return;
      } catch (error) {
        // No acknowledgement (timeout or refusal while the server restarts): try again.
        if (!(error instanceof Error)) throw error;
        retries++;
        if (retries > TOTAL * 5) throw new Error(`too many retries; last: ${error.message}`);
      }
    }
  };

  const queue = [...outbox];
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let item = queue.shift(); item; item = queue.shift()) await deliver(item);
    }),
  );
  await restarting;
  socket.close();

  expect(killed).toBe(true);
  expect(retries).toBeGreaterThan(0);
  expect(acked.size).toBe(TOTAL);

  if (!process.env.DATABASE_URL) {
    // PGlite allows one process at a time: stop the backend before reading its files.
    await backend.kill('SIGTERM');
    handle = await database.open();
    cleanup.push(() => handle.close());
  }
  const rows = await handle.db
    .select({ id: messages.id, clientId: messages.clientId, content: messages.content })
    .from(messages)
    .where(eq(messages.userId, dancer.id));
  const byClientId = new Map(rows.map((row) => [row.clientId, row]));

  // Every acknowledged message is stored, with the id its acknowledgements gave.
  for (const item of outbox) {
    const acks = acked.get(item.clientId)!;
    const row = byClientId.get(item.clientId);
    expect(row).toEqual({ id: acks[0]!.id, clientId: item.clientId, content: item.content });
    for (const ack of acks) expect(ack.id).toBe(row!.id);
  }
  // Exactly once: no clientId twice, nothing beyond the 1,000.
  expect(rows).toHaveLength(TOTAL);
  const twice = await handle.db
    .select({ clientId: messages.clientId, n: count() })
    .from(messages)
    .groupBy(messages.clientId)
    .having(sql`count(*) > 1`);
  expect(twice).toEqual([]);
}, 240_000);
