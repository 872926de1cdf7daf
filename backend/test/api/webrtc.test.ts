import { createHmac } from 'node:crypto';
import { api } from '@spotlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { expectError } from '../helpers';

const TURN_SECRET = 'coturn-static-auth-secret-for-tests';

let t: TestServer;
let withTurn: TestServer;
beforeAll(async () => {
  [t, withTurn] = await Promise.all([
    startTestServer(),
    startTestServer({
      STUN_SERVER: 'stun:stun.example.test:3478',
      TURN_SERVER: 'turn:turn.example.test:3478?transport=udp,turns:turn.example.test:5349',
      TURN_SECRET,
      TURN_TTL_SECONDS: '3600',
    }),
  ]);
});
afterAll(() => Promise.all([t.close(), withTurn.close()]));

describe('GET /api/webrtc/ice-servers', () => {
  it('gives the default STUN server and no TURN without a TURN configuration', async () => {
    const user = await t.registerUser();
    const res = await t.call(api.webrtc.iceServers, {}, { token: user.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      iceServers: [{ urls: ['stun:stun.l.google.com:19302'] }],
      ttlSeconds: 0,
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it("gives time-limited TURN credentials in coturn's use-auth-secret scheme", async () => {
    const user = await withTurn.registerUser();
    const before = Math.floor(Date.now() / 1000);
    const res = await withTurn.call(api.webrtc.iceServers, {}, { token: user.token });
    const after = Math.ceil(Date.now() / 1000);
    expect(res.status).toBe(200);
    expect(res.body.ttlSeconds).toBe(3600);
    const [stun, turn] = res.body.iceServers;
    expect(stun).toEqual({ urls: ['stun:stun.example.test:3478'] });
    expect(turn!.urls).toEqual([
      'turn:turn.example.test:3478?transport=udp',
      'turns:turn.example.test:5349',
    ]);
    const [expiry, userId] = turn!.username!.split(':');
    expect(Number(userId)).toBe(user.id);
    expect(Number(expiry)).toBeGreaterThanOrEqual(before + 3600);
    expect(Number(expiry)).toBeLessThanOrEqual(after + 3600);
    const expected = createHmac('sha1', TURN_SECRET).update(turn!.username!).digest('base64');
    expect(turn!.credential).toBe(expected);
    // The secret itself never leaves the server.
    expect(JSON.stringify(res.body)).not.toContain(TURN_SECRET);
  });

  it('gives each user their own credentials', async () => {
    const [a, b] = [await withTurn.registerUser(), await withTurn.registerUser()];
    const ra = await withTurn.call(api.webrtc.iceServers, {}, { token: a.token });
    const rb = await withTurn.call(api.webrtc.iceServers, {}, { token: b.token });
    expect(ra.body.iceServers[1]!.username).not.toBe(rb.body.iceServers[1]!.username);
    expect(ra.body.iceServers[1]!.credential).not.toBe(rb.body.iceServers[1]!.credential);
  });

  it('needs a session', async () => {
    expectError(await t.call(api.webrtc.iceServers), 401, 'unauthorized');
    expectError(await withTurn.call(api.webrtc.iceServers), 401, 'unauthorized');
  });
});
