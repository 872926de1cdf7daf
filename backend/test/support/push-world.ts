/**
 * A test file's server wired to a test push service: PUSH_ALLOWED_HOSTS lists the service's
 * 127.0.0.1:port, retries come after a second, and clients have a short time to answer.
 */
import { api } from '@spotlight/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { pushSubscriptions } from '../../src/db/schema';
import { startTestServer, type TestServer, type TestUser } from '../harness';
import { startTestPushService, type TestPushService } from './push-service';

export interface PushWorld {
  t: TestServer;
  push: TestPushService;
}

export function usePushWorld(env: Record<string, string> = {}): () => PushWorld {
  let world: PushWorld | undefined;
  beforeAll(async () => {
    let serverKey = '';
    const push = await startTestPushService(() => serverKey);
    const t = await startTestServer({
      PUSH_ALLOWED_HOSTS: new URL(push.origin).host,
      PUSH_RETRY_DELAY_SECONDS: '1',
      NOTIFY_CHECK_TIMEOUT_MS: '1000',
      ...env,
    });
    serverKey = t.config.VAPID_PUBLIC_KEY;
    world = { t, push };
  });
  afterAll(async () => {
    await world?.t.close();
    await world?.push.close();
  });
  return () => world!;
}

/** A new "browser" of `user`, subscribed through the API; resolves with its device id. */
export async function subscribeDevice(world: PushWorld, user: TestUser) {
  const device = world.push.device();
  const res = await world.t.call(
    api.push.subscribe,
    { body: device.subscription },
    { token: user.token },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return device;
}

/** The stored subscriptions of an endpoint (0 or 1). */
export const storedSubscriptions = async (t: TestServer, endpoint: string) =>
  (await t.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint)))
    .length;

/** push.send jobs queued so far for the user's notifications with this tag. */
export const queuedPushes = async (t: TestServer, tag: string) => {
  const { rows } = await t.server.ctx.database.sql(
    `select count(*)::int as n from pgboss.job where name = 'push.send' and data->'payload'->>'tag' = $1`,
    [tag],
  );
  return Number(rows[0]?.n ?? 0);
};
