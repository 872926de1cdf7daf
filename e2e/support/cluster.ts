/**
 * What e2e/cluster.e2e.ts needs beside the journey: whether PostgreSQL and Redis answer, and
 * how many Socket.IO connections each node holds, read from the node's own /metrics (never
 * through nginx).
 */
import net from 'node:net';
import type { Page } from 'playwright-core';
import pg from 'pg';
import { expect } from 'vitest';
import { metricSum, scrapeMetrics } from '../../backend/test/deploy/support';
import type { Cluster } from '../../scripts/cluster';

export const ADMIN_DATABASE_URL =
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS = { host: '127.0.0.1', port: 6379 };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Why the cluster cannot run here, or undefined when PostgreSQL and Redis answer. */
export async function missingService(): Promise<string | undefined> {
  const client = new pg.Client({
    connectionString: ADMIN_DATABASE_URL,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.end();
  } catch (error) {
    return `PostgreSQL at ${ADMIN_DATABASE_URL}: ${(error as Error).message}`;
  }
  const pong = await new Promise<boolean>((resolve) => {
    const socket = net.connect(REDIS.port, REDIS.host, () => socket.write('PING\r\n'));
    socket.setTimeout(3000, () => socket.destroy());
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
  });
  return pong ? undefined : `Redis at ${REDIS.host}:${REDIS.port} does not answer`;
}

/** Socket counts per running node of the cluster `current()` returns. */
export function nodeSockets(current: () => Cluster) {
  /** Open Socket.IO connections on each running node, from its own /metrics. */
  async function socketsByNode() {
    const counts: Record<string, number> = {};
    for (const backend of current().backends) {
      if (backend.pid === undefined) continue;
      const metrics = await scrapeMetrics(backend);
      counts[backend.nodeId] = metricSum(metrics.text, 'socketio_open_sockets');
    }
    return counts;
  }

  /** Polls until the nodes hold exactly these socket counts (a dead node is left out). */
  async function expectSockets(expected: Record<string, number>, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    let counts = await socketsByNode();
    while (JSON.stringify(counts) !== JSON.stringify(expected) && Date.now() < deadline) {
      await sleep(100);
      counts = await socketsByNode();
    }
    expect(counts).toEqual(expected);
  }

  return { socketsByNode, expectSockets };
}

/** The page's connection state as its status indicator shows it. */
export const connection = (page: Page) =>
  page.locator('[data-connection]').getAttribute('data-connection');

export async function waitOnline(page: Page) {
  await page.locator('[data-connection="online"]').waitFor({ state: 'attached' });
}
