import { api, CLIENT_EVENT_NAMES } from '@spotlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSession } from '../../src/modules/auth/repository';
import { signSessionToken } from '../../src/modules/auth/tokens';
import { startTestServer, type TestServer } from '../harness';
import {
  connectSocket,
  disconnection,
  emitAck,
  errorCode,
  nextEvent,
  ok,
  rawEmit,
  refusal,
  WAIT_MS,
} from '../socket-harness';

const ALLOWED = 'https://app.spotlight.test';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ CORS_ORIGIN: ALLOWED });
});
afterAll(() => t.close());

/** A session of `userId` that ends in `ms` (negative: already over). */
async function sessionEndingIn(userId: number, ms: number) {
  const expiresAt = new Date(Date.now() + ms);
  const session = await insertSession(t.db, { userId, expiresAt });
  return signSessionToken(t.config.JWT_SECRET, { userId, sessionId: session.id }, expiresAt);
}

async function openSockets() {
  const [value] = (await t.server.ctx.metrics.openSockets.get()).values;
  return value?.value ?? 0;
}

/** Waits until `read` returns `expected` (the server sees a client's close a moment later). */
async function until<T>(read: () => Promise<T>, expected: T) {
  const deadline = Date.now() + WAIT_MS;
  while ((await read()) !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return read();
}

describe('handshake', () => {
  it('refuses an anonymous socket', async () => {
    const refused = await refusal(t.url);
    expect(refused.data?.code).toBe('unauthorized');
  });

  it('refuses a token that is not a session', async () => {
    expect((await refusal(t.url, { token: 'not.a.jwt' })).data?.code).toBe('session_expired');
    const forged = await signSessionToken(
      'another-secret-another-secret-another-secret',
      { userId: 1, sessionId: '00000000-0000-4000-8000-000000000000' },
      new Date(Date.now() + 60_000),
    );
    expect((await refusal(t.url, { token: forged })).data?.code).toBe('session_expired');
  });

  it('accepts the session cookie and auth.token', async () => {
    const user = await t.registerUser();
    const byToken = await connectSocket(t.url, { token: user.token });
    const byCookie = await connectSocket(t.url, { cookie: `spotlight_session=${user.token}` });
    expect(byToken.connected && byCookie.connected).toBe(true);
    byToken.close();
    byCookie.close();
  });

  it('refuses a foreign Origin, and accepts its own and CORS_ORIGIN', async () => {
    const user = await t.registerUser();
    const foreign = await refusal(t.url, { token: user.token, origin: 'https://evil.example' });
    expect(foreign.data?.code).toBe('origin_forbidden');
    expect((await refusal(t.url, { token: user.token, origin: 'null' })).data?.code).toBe(
      'origin_forbidden',
    );
    const noOriginCrossSite = await refusal(t.url, {
      token: user.token,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(noOriginCrossSite.data?.code).toBe('origin_forbidden');
    for (const origin of [t.url, ALLOWED]) {
      const socket = await connectSocket(t.url, { token: user.token, origin });
      expect(socket.connected).toBe(true);
      socket.close();
    }
  });

  it('refuses a revoked or expired session', async () => {
    const user = await t.registerUser();
    await t.call(api.auth.logout, {}, { token: user.token });
    expect((await refusal(t.url, { token: user.token })).data?.code).toBe('session_expired');
    const expired = await sessionEndingIn(user.id, -1_000);
    expect((await refusal(t.url, { token: expired })).data?.code).toBe('session_expired');
  });

  it('limits connections per IP', async () => {
    const limited = await startTestServer({ SOCKET_CONNECTS_PER_IP_PER_MINUTE: '3' });
    try {
      const user = await limited.registerUser();
      const sockets = [];
      for (let i = 0; i < 3; i++) sockets.push(await connectSocket(limited.url, user));
      const refused = await refusal(limited.url, user);
      expect(refused.data?.code).toBe('rate_limited');
      for (const socket of sockets) socket.close();
    } finally {
      await limited.close();
    }
  });
});

describe('session lifecycle', () => {
  it('logout closes the sockets of that session only, after session_ended', async () => {
    const user = await t.registerUser();
    const login = await t.call(api.auth.login, {
      body: { email: user.email, password: user.password },
    });
    const other = login.body.token;
    const [phone, laptop, tablet] = await Promise.all([
      connectSocket(t.url, { token: user.token }),
      connectSocket(t.url, { cookie: `spotlight_session=${user.token}` }),
      connectSocket(t.url, { token: other }),
    ]);
    const ended = [nextEvent(phone!, 'session_ended'), nextEvent(laptop!, 'session_ended')];
    const closed = [disconnection(phone!), disconnection(laptop!)];

    expect((await t.call(api.auth.logout, {}, { token: user.token })).status).toBe(200);

    expect(await Promise.all(ended)).toEqual([{ reason: 'logout' }, { reason: 'logout' }]);
    expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
    // The other session's socket still works.
    const { id: eventId } = await t.createEvent();
    expect(await errorCode(emitAck(tablet!, 'join_event_room', { eventId }))).toBe(
      'not_participant',
    );
    expect(tablet!.connected).toBe(true);

    const revoked = nextEvent(tablet!, 'session_ended');
    await t.call(api.auth.logoutAll, {}, { token: other });
    expect(await revoked).toEqual({ reason: 'revoked' });
    await disconnection(tablet!);
  });

  it('closes a socket when its session expires', async () => {
    const user = await t.registerUser();
    const token = await sessionEndingIn(user.id, 3_000);
    const socket = await connectSocket(t.url, { token });
    const closed = disconnection(socket);
    expect(await nextEvent(socket, 'session_ended')).toEqual({ reason: 'expired' });
    expect(await closed).toBe('io server disconnect');
  });

  it('counts open sockets', async () => {
    const before = await until(openSockets, 0);
    expect(before).toBe(0);
    const user = await t.registerUser();
    const sockets = await Promise.all([1, 2, 3].map(() => connectSocket(t.url, user)));
    expect(await until(openSockets, 3)).toBe(3);
    sockets[0]!.close();
    expect(await until(openSockets, 2)).toBe(2);
    for (const socket of sockets) socket.close();
    expect(await until(openSockets, 0)).toBe(0);
  });

  it('tells clients to reconnect elsewhere when the server shuts down', async () => {
    const node = await startTestServer();
    const user = await node.registerUser();
    const socket = await connectSocket(node.url, user);
    const shutdown = nextEvent(socket, 'server_shutdown');
    const closed = disconnection(socket);
    await node.server.close();
    expect((await shutdown).reconnectInMs).toBeGreaterThanOrEqual(0);
    // A transport close (not a server disconnect): Socket.IO clients reconnect by themselves.
    expect(await closed).toBe('transport close');
    await node.close();
  });
});

describe('every event', () => {
  it('answers an invalid or missing payload with validation_error, ack or not', async () => {
    const user = await t.registerUser();
    const socket = await connectSocket(t.url, user);
    const { id: eventId } = await t.createEvent();
    await t.call(api.events.join, { params: { id: eventId } }, { token: user.token });
    const raw = socket as unknown as { emit(event: string, ...args: unknown[]): void };
    for (const name of CLIENT_EVENT_NAMES) {
      for (const payload of [null, 'text', 42, [], { matchId: 'x' }, { nope: true }]) {
        // Without an acknowledgement: nothing to answer, and nothing may break.
        raw.emit(name, payload);
        expect(await errorCode(rawEmit(socket, name, payload))).toBe('validation_error');
      }
      raw.emit(name);
      expect(await errorCode(rawEmit(socket, name))).toBe('validation_error');
    }
    raw.emit('no_such_event', { eventId });
    // Still connected, and the next valid event works.
    const joined = await ok(emitAck(socket, 'join_event_room', { eventId }));
    expect(joined.activeUsers.map((u) => u.id)).toEqual([user.id]);
    expect(socket.connected).toBe(true);
    socket.close();
  });
});
