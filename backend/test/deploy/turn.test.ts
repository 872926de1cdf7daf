/**
 * coturn with coturn/turnserver.conf accepts exactly the TURN credentials the backend hands
 * out (GET /api/webrtc/ice-servers: `expiry:userId` and base64 HMAC-SHA1 under TURN_SECRET),
 * and refuses wrong, tampered and expired ones. Debian's `turnserver` runs on loopback with a
 * random secret; `turnutils_uclient` allocates relays and sends data through them.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { api, type IceServer } from '@spotlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iceServersFor } from '../../src/modules/webrtc/service';
import { startTestServer, type TestServer, type TestUser } from '../harness';
import { startTurn, stopTurn, type Turn } from './coturn';
import { requireTool } from './support';

const enabled =
  requireTool('turnserver', 'the TURN test starts Debian coturn on loopback') &&
  requireTool('turnutils_uclient', 'the TURN test allocates relays with it');

/** What turnutils_uclient says when the server refuses the credentials (401). */
const REFUSED = /Cannot complete Allocation/;

interface Allocation {
  ok: boolean;
  received: number;
  output: string;
}

/**
 * Two TURN clients allocate relays with these credentials and send each other messages
 * through them (turnutils_uclient -y).
 */
function relay(port: number, username: string, credential: string): Allocation {
  const result = spawnSync(
    'turnutils_uclient',
    ['-p', String(port), '-u', username, '-w', credential, '-y', '-n', '3', '-m', '1', '127.0.0.1'],
    { encoding: 'utf8', timeout: 30_000 },
  );
  const output = `${result.stdout}${result.stderr}`;
  const received = [...output.matchAll(/tot_recv_msgs=(\d+)/g)].map((m) => Number(m[1]));
  return { ok: result.status === 0, received: Math.max(0, ...received), output };
}

describe.skipIf(!enabled)('coturn with the backend’s TURN credentials', () => {
  let dir: string;
  let secret: string;
  let turn: Turn;
  let hardened: Turn | undefined;
  let server: TestServer;
  let user: TestUser;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'spotlight-turn-'));
    secret = randomBytes(24).toString('base64url');
    turn = await startTurn(dir, secret, true);
    server = await startTestServer({
      STUN_SERVER: '',
      TURN_SERVER: `turn:127.0.0.1:${turn.port}?transport=udp`,
      TURN_SECRET: secret,
    });
    user = await server.registerUser();
  });

  afterAll(async () => {
    await stopTurn(turn);
    await stopTurn(hardened);
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The TURN entry of GET /api/webrtc/ice-servers, as a browser gets it. */
  async function turnEntry() {
    const response = await server.call(api.webrtc.iceServers, {}, { token: user.token });
    expect(response.status).toBe(200);
    const entry = response.body.iceServers.find((server: IceServer) =>
      [server.urls].flat().some((url) => url.startsWith('turn:')),
    );
    expect(entry?.username).toBeTruthy();
    expect(entry?.credential).toBeTruthy();
    const url = [entry!.urls].flat()[0]!;
    const port = Number(/:(\d+)(\?|$)/.exec(url)?.[1]);
    return { username: entry!.username!, credential: entry!.credential!, port };
  }

  it('relays data for the credentials the backend hands out', async () => {
    const { username, credential, port } = await turnEntry();
    expect(port).toBe(turn.port);
    expect(username).toMatch(new RegExp(`^\\d+:${user.id}$`));
    const allocation = relay(port, username, credential);
    expect(allocation.ok, allocation.output).toBe(true);
    expect(allocation.received).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a password made with another secret', async () => {
    const { username, port } = await turnEntry();
    const other = iceServersFor(
      { ...server.config, TURN_SECRET: randomBytes(24).toString('base64url') },
      user.id,
    );
    const forged = other.iceServers.find((entry) => entry.username)!;
    const allocation = relay(port, username, forged.credential!);
    expect(allocation.ok).toBe(false);
    expect(allocation.output).toMatch(REFUSED);
    expect(allocation.received).toBe(0);
  }, 60_000);

  it('refuses a valid password with another user id in the username', async () => {
    const { username, credential, port } = await turnEntry();
    const [expiry] = username.split(':');
    const allocation = relay(port, `${expiry}:${user.id + 1}`, credential);
    expect(allocation.ok).toBe(false);
    expect(allocation.output).toMatch(REFUSED);
  }, 60_000);

  it('refuses expired credentials, correctly signed', async () => {
    const { port } = await turnEntry();
    const lifetime = server.config.TURN_TTL_SECONDS * 1000;
    const stale = iceServersFor(server.config, user.id, Date.now() - lifetime - 60_000);
    const entry = stale.iceServers.find((candidate) => candidate.username)!;
    expect(Number(entry.username!.split(':')[0])).toBeLessThan(Date.now() / 1000);
    const allocation = relay(port, entry.username!, entry.credential!);
    expect(allocation.ok).toBe(false);
    expect(allocation.output).toMatch(REFUSED);
  }, 60_000);

  it('the production config refuses to relay to loopback peers', async () => {
    hardened = await startTurn(dir, secret, false);
    const { username, credential } = await turnEntry();
    const allocation = relay(hardened.port, username, credential);
    expect(allocation.ok).toBe(false);
    // Authentication passed; the peer address was what coturn refused.
    expect(allocation.output).toMatch(/403 \(Forbidden IP\)/);
  }, 60_000);
});
