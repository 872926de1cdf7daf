/**
 * No socket outlives its session. Many clients keep reconnecting with one session, against two
 * backend processes on PostgreSQL and Redis, while the user logs out (or out everywhere): a
 * handshake that read the session just before the revocation, and joined the session's room
 * just after the revocation closed it, must not live on. PGlite runs one query at a time and
 * hides the race, so this runs in the PostgreSQL pass.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { api } from '@spotlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertEvents } from '../../src/modules/events/repository';
import { openTestDatabase } from '../harness';
import {
  callApi,
  deleteRedisKeys,
  killAll,
  processEnv,
  REDIS_URL,
  clusterSkipReason,
  spawnBackend,
  type BackendProcess,
} from '../process-harness';
import { openSocket, refusal, type ClientSocket } from '../socket-harness';

const skipReason = await clusterSkipReason(
  'logout-race.test',
  'the race needs concurrent queries, which PGlite does not run',
);

const CLIENTS = 24;
const TRIALS = 6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A client that connects, drops and connects again as fast as it can, until told to stop; a
 * refused handshake (the session is over) ends it.
 */
function churn(url: string, token: string) {
  const socket: ClientSocket = openSocket(url, { token });
  let stopping = false;
  socket.on('connect', () => {
    if (!stopping) setImmediate(() => socket.disconnect().connect());
  });
  return { socket, stop: () => (stopping = true) };
}

describe.skipIf(skipReason !== undefined)('a session revoked while its sockets reconnect', () => {
  let nodes: BackendProcess[];
  let drop: (() => Promise<void>) | undefined;
  const prefix = `spotlight-test-${randomBytes(6).toString('hex')}`;
  const credentials = {
    email: `race-${randomUUID()}@example.com`,
    username: `race${randomBytes(4).toString('hex')}`,
    password: 'correct horse battery',
  };

  beforeAll(async () => {
    const database = await openTestDatabase();
    drop = async () => {
      await database.handle.close();
      await database.drop();
    };
    await upsertEvents(database.handle.db, [
      {
        name: 'Race Swing',
        location: 'Everywhere',
        startDate: '2030-01-01',
        endDate: '2030-01-02',
        worldsdcId: `race-${randomUUID()}`,
      },
    ]);
    const env = processEnv({
      DATABASE_URL: database.url!,
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      SOCKET_CONNECTS_PER_IP_PER_MINUTE: '1000000',
      LOGIN_MAX_FAILURES: '1000',
    });
    nodes = await Promise.all([
      spawnBackend({ ...env, NODE_ID: 'a' }),
      spawnBackend({ ...env, NODE_ID: 'b' }),
    ]);
    await callApi(nodes[0]!.url, api.auth.register, { body: credentials });
  }, 180_000);

  afterAll(async () => {
    await killAll();
    await drop?.();
    await deleteRedisKeys(prefix);
  });

  it(`closes every socket: ${TRIALS} trials of ${CLIENTS} reconnecting clients`, async () => {
    const survivors: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const { token } = await callApi(nodes[0]!.url, api.auth.login, {
        body: { email: credentials.email, password: credentials.password },
      });
      const clients = Array.from({ length: CLIENTS }, (_, i) => churn(nodes[i % 2]!.url, token));
      // Let the reconnects run, then revoke from one node while they go on.
      await sleep(300);
      const endpoint = trial % 2 === 0 ? api.auth.logout : api.auth.logoutAll;
      await callApi(nodes[trial % 2]!.url, endpoint, {}, token);
      for (const client of clients) client.stop();
      // Handshakes in flight finish or are refused; closes from the other node arrive.
      await sleep(2_000);
      for (const [i, client] of clients.entries()) {
        if (client.socket.connected) survivors.push(`trial ${trial}, client ${i}`);
        client.socket.close();
      }
      // The session really ended: a new handshake with it is refused on either node.
      expect((await refusal(nodes[(trial + 1) % 2]!.url, { token })).data?.code).toBe(
        'session_expired',
      );
    }
    expect(survivors).toEqual([]);
  }, 180_000);
});
