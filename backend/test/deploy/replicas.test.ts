/**
 * The docker compose shape of scale-out, natively: `docker compose up --scale backend=2`
 * gives nginx one upstream line, `server backend:3000`, whose name resolves to every
 * replica's address. Here the two nodes listen on one port on 127.0.0.1 and 127.0.0.2, and
 * nginx, in a mount namespace of its own, resolves one name to both. The stickiness has to
 * hold in that shape too (with `hash ... consistent` it does not: the ring is built from
 * server names, and replicas of one name share it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '../../../scripts/cluster';
import { randomKey, requireTool, routing, writeFixtureDist } from './support';

const hasDatabase = Boolean(process.env.DATABASE_URL);
if (!hasDatabase) {
  console.warn('SKIPPED: the replica test runs with DATABASE_URL set (one shared PostgreSQL)');
}
// A private /etc/hosts needs a mount namespace: root and unshare. A kernel or sandbox that
// refuses one is not an install step CI could fix, so that is a skip with its reason.
const canUnshare =
  spawnSync('unshare', ['--mount', 'true'], { stdio: 'ignore' }).status === 0 ||
  (console.warn('SKIPPED: the replica test needs `unshare --mount` (root)'), false);
const enabled = hasDatabase && requireTool('nginx', 'the replica test runs nginx') && canUnshare;

describe.skipIf(!enabled)('one upstream name for all replicas (docker compose --scale)', () => {
  let cluster: Cluster;
  let fixtureDir: string;
  const { servedBy } = routing(() => cluster);
  const routeCookie = (key: string) => ({ cookie: `spotlight_route=${key}` });

  beforeAll(async () => {
    fixtureDir = mkdtempSync(path.join(tmpdir(), 'spotlight-dist-'));
    writeFixtureDist(fixtureDir);
    cluster = await startCluster({
      port: 0,
      frontendRoot: fixtureDir,
      replicaName: 'backend.spotlight.test',
      env: { LOG_LEVEL: 'warn' },
    });
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
    if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
  });

  it('spreads browsers over the replicas and keeps each browser on one', async () => {
    expect(cluster.backends.map((b) => b.host)).toEqual(['127.0.0.1', '127.0.0.2']);
    expect(new Set(cluster.backends.map((b) => b.port)).size).toBe(1);

    const byNode = new Map<string, string>();
    for (let i = 0; i < 24; i++) {
      const key = randomKey();
      byNode.set((await servedBy(routeCookie(key))).nodeId, key);
    }
    expect([...byNode.keys()].sort()).toEqual(['backend-1', 'backend-2']);
    for (const [nodeId, key] of byNode) {
      for (let i = 0; i < 5; i++) {
        expect((await servedBy(routeCookie(key))).nodeId).toBe(nodeId);
      }
    }
  });

  it('keeps answering through the other replica when one is killed', async () => {
    const [victim, survivor] = cluster.backends as [
      (typeof cluster.backends)[number],
      (typeof cluster.backends)[number],
    ];
    await victim.kill('SIGKILL');
    for (let i = 0; i < 10; i++) {
      expect((await servedBy(routeCookie(randomKey()))).nodeId).toBe(survivor.nodeId);
    }
  });
});
