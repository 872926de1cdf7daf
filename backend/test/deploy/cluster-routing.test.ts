/**
 * Two backend processes on PostgreSQL and Redis behind Debian's nginx (cluster-setup.ts): how
 * nginx spreads browsers over the nodes and keeps each on one (Socket.IO included), and how it
 * answers when a node is killed or shuts down. Each node's own /metrics tells which node
 * served a request. Runs in the PostgreSQL phase of CI (DATABASE_URL set).
 */
import net from 'node:net';
import { api } from '@spotlight/contracts';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { BackendNode, Cluster } from '../../../scripts/cluster';
import { clusterEnabled, ROUTE_COOKIE, serveCluster, SHUTDOWN_TIMEOUT_MS } from './cluster-setup';
import { randomKey, setCookieValue } from './support';

describe.skipIf(!clusterEnabled())('two backends behind nginx', () => {
  let cluster: Cluster;
  let socketIo = false;
  const { through, servedBy, keyFor, routeCookie, register } = serveCluster(
    (started) => ({ cluster, socketIo } = started),
  );

  it('spreads browsers over both nodes and keeps each browser on one', async () => {
    const byNode = new Map<string, string[]>();
    for (let i = 0; i < 24; i++) {
      const key = randomKey();
      const { nodeId } = await servedBy(routeCookie(key));
      byNode.set(nodeId, [...(byNode.get(nodeId) ?? []), key]);
    }
    expect([...byNode.keys()].sort()).toEqual(['backend-1', 'backend-2']);

    for (const [nodeId, keys] of byNode) {
      for (let i = 0; i < 5; i++) {
        expect((await servedBy(routeCookie(keys[0]!))).nodeId).toBe(nodeId);
      }
    }
  });

  it('routes a first visit by the cookie it hands out, so the next requests stay on that node', async () => {
    const first = await servedBy();
    const key = setCookieValue(first.response, ROUTE_COOKIE);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    for (let i = 0; i < 5; i++) {
      expect((await servedBy(routeCookie(key!))).nodeId).toBe(first.nodeId);
    }
    // A browser that has the cookie is not given another.
    expect(setCookieValue(await through('/', { headers: routeCookie(key!) }), ROUTE_COOKIE)).toBe(
      undefined,
    );
  });

  it('keeps a Socket.IO long-polling session on the node that did the handshake', async (ctx) => {
    if (!socketIo) ctx.skip();
    for (let client = 0; client < 6; client++) {
      const headers = routeCookie(randomKey());
      const handshake = await through('/socket.io/?EIO=4&transport=polling', { headers });
      expect(handshake.status).toBe(200);
      const { sid } = JSON.parse(handshake.text.slice(1)) as { sid: string };
      const session = `/socket.io/?EIO=4&transport=polling&sid=${encodeURIComponent(sid)}`;
      // Each poll is a new request; only the handshake's node knows the sid.
      const connect = await through(session, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' },
        body: '40',
      });
      expect(connect.status, connect.text).toBe(200);
      const poll = await through(session, { headers });
      expect(poll.status, poll.text).toBe(200);
      expect(poll.text).toMatch(/^4[04]/);
    }
  });

  it('connects Socket.IO through nginx over WebSocket, and upgrades from long-polling', async (ctx) => {
    if (!socketIo) ctx.skip();
    const user = await register();
    for (const transports of [['websocket'], ['polling', 'websocket']]) {
      // A browser on this page: its session and routing cookies, and the page's Origin.
      const socket = io(cluster.url, {
        transports,
        extraHeaders: {
          cookie: `${user.session}; ${ROUTE_COOKIE}=${randomKey()}`,
          origin: cluster.url,
        },
        reconnection: false,
        forceNew: true,
      });
      try {
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
        if (socket.io.engine.transport.name !== 'websocket') {
          // The upgrade is one more request carrying the polling session's sid: same node.
          await new Promise<void>((resolve) => socket.io.engine.once('upgrade', () => resolve()));
        }
        expect(socket.io.engine.transport.name, transports.join('+')).toBe('websocket');
      } finally {
        socket.disconnect();
      }
    }
  });

  it('keeps answering through the other node when one is killed with SIGKILL', async () => {
    const [victim, survivor] = cluster.backends as [BackendNode, BackendNode];
    const user = await register();
    const key = await keyFor(victim);
    const headers = { cookie: `${ROUTE_COOKIE}=${key}; ${user.session}` };

    const exit = await victim.kill('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');

    for (let i = 0; i < 10; i++) {
      const me = await through(api.users.me.path, { headers });
      expect(me.status).toBe(200);
      expect(me.json<{ username: string }>().username).toBe(user.username);
      expect((await servedBy(headers)).nodeId).toBe(survivor.nodeId);
    }
    // A state-changing request too: nginx never sent it to the dead node, so it may retry.
    const login = await through(api.auth.login.path, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', origin: cluster.url },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(login.status).toBe(200);

    // Back up on the same port; nginx tries it again once fail_timeout (10 s) has passed.
    await victim.start();
    let back = false;
    for (let attempt = 0; attempt < 150 && !back; attempt++) {
      back = (await servedBy(routeCookie(key))).nodeId === victim.nodeId;
      if (!back) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(back).toBe(true);
  }, 90_000);

  it('on SIGTERM a node exits cleanly within SHUTDOWN_TIMEOUT_MS, even with a request stuck open, and nginx moves on', async () => {
    const victim = cluster.backends[1]!;
    const key = await keyFor(victim);

    // An in-flight request that never completes: the body it announces never arrives.
    const stuck = net.connect(victim.port, '127.0.0.1');
    await new Promise<void>((resolve) => stuck.once('connect', () => resolve()));
    const stuckClosed = new Promise<void>((resolve) => stuck.once('close', () => resolve()));
    stuck.on('error', () => {});
    stuck.write(
      `POST ${api.auth.login.path} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
        'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"email":',
    );
    // Let the node start handling it before the signal.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const started = Date.now();
    const exited = victim.kill('SIGTERM');
    // Meanwhile, this browser's requests go to the other node.
    for (let i = 0; i < 5; i++) {
      const response = await through(api.system.health.path, { headers: routeCookie(key) });
      expect(response.status).toBe(200);
    }
    const exit = await exited;
    const elapsed = Date.now() - started;
    await stuckClosed;

    expect(exit).toEqual({ code: 0, signal: null });
    // The bound is the process's own; the margin only absorbs a busy machine's scheduling.
    expect(elapsed).toBeLessThan(SHUTDOWN_TIMEOUT_MS + 3000);
    expect((await servedBy(routeCookie(key))).nodeId).toBe('backend-1');
  }, 60_000);
});
