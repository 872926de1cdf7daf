/** Helpers for the deployment tests: raw HTTP with full control, and tool detection. */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { api } from '@spotlight/contracts';
import { expect } from 'vitest';
import type { BackendNode, Cluster } from '../../../scripts/cluster';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json<T = unknown>(): T;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Source address, e.g. 127.0.0.2, to look like another client. */
  localAddress?: string;
}

/**
 * One HTTP request on a fresh connection. node:http rather than fetch: it lets a test set
 * Host, Origin and Content-Length freely, pick the source address, and see every header.
 */
export function send(url: string, request: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: request.method ?? 'GET',
        headers: request.headers,
        localAddress: request.localAddress,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text,
            json: <T>() => JSON.parse(text) as T,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

/** The value of a cookie in a response's Set-Cookie headers. */
export function setCookieValue(response: RawResponse, name: string): string | undefined {
  for (const line of response.headers['set-cookie'] ?? []) {
    const [pair] = line.split(';');
    const [key, ...value] = (pair ?? '').split('=');
    if (key?.trim() === name) return value.join('=');
  }
  return undefined;
}

/** Whether a command is on PATH. */
export function installed(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Decides whether a test that needs a system tool runs. Missing outside CI: skipped with the
 * reason printed. Missing in CI (.ci/run installs it): a failure, never a silent skip.
 */
export function requireTool(command: string, why: string): boolean {
  if (installed(command)) return true;
  if (process.env.CI === 'true') throw new Error(`${command} is not installed (${why})`);
  console.warn(`SKIPPED: ${command} is not installed; ${why}`);
  return false;
}

/** A node's own /metrics, with its bearer token (read directly from the node, never through nginx). */
export const scrapeMetrics = (backend: { url: string; metricsToken: string }) =>
  send(`${backend.url}/metrics`, { headers: { authorization: `Bearer ${backend.metricsToken}` } });

/** Prometheus text: the sum of a metric's samples whose labels include all of `labels`. */
export function metricSum(text: string, name: string, labels: Record<string, string> = {}) {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const match = /^[^{\s]+(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const found = Object.fromEntries(
      [...(match[1] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) {
      sum += Number(match[2]);
    }
  }
  return sum;
}

/**
 * A built PWA as Vite and vite-plugin-pwa lay it out, so that the nginx tests do not depend
 * on the frontend's current build.
 */
export function writeFixtureDist(dir: string) {
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  // nginx's workers run as www-data when the tests run as root.
  chmodSync(dir, 0o755);
  const files: Record<string, string> = {
    'index.html':
      '<!doctype html><html><head><title>spotlight.cam fixture</title>' +
      '<script type="module" src="/assets/index-Bx7Kq2Lm.js"></script></head>' +
      '<body><div id="root"></div></body></html>',
    // Large enough for gzip (gzip_min_length 1024).
    'assets/index-Bx7Kq2Lm.js': `export const app = ${JSON.stringify('spotlight '.repeat(400))};\n`,
    'assets/index-Dd93kPq1.css': 'body{margin:0}\n',
    'sw.js': 'self.addEventListener("fetch", () => {});\n',
    'registerSW.js': 'navigator.serviceWorker.register("/sw.js");\n',
    'workbox-5f3a9c1e.js': 'self.workbox = {};\n',
    'manifest.webmanifest': JSON.stringify({ name: 'spotlight.cam', start_url: '/' }),
  };
  for (const [file, content] of Object.entries(files)) {
    writeFileSync(path.join(dir, file), content);
  }
  return { jsAsset: '/assets/index-Bx7Kq2Lm.js' };
}

/** A fresh value for nginx's routing cookie, as nginx would hand out. */
export const randomKey = () => randomBytes(16).toString('hex');

/**
 * Which node answers a request through nginx, told apart by each node's own /metrics
 * (its `node` label), read directly from the node, never through nginx.
 */
export function routing(getCluster: () => Cluster) {
  const running = () => getCluster().backends.filter((backend) => backend.pid !== undefined);

  /** Requests each running node has answered on /api/health, by NODE_ID. */
  async function healthCounts() {
    const entries = await Promise.all(
      running().map(async (backend) => {
        const metrics = await scrapeMetrics(backend);
        const count = metricSum(metrics.text, 'http_request_duration_seconds_count', {
          route: api.system.health.path,
          node: backend.nodeId,
        });
        return [backend.nodeId, count] as const;
      }),
    );
    return new Map(entries);
  }

  /** Sends GET /api/health through nginx and finds the node that answered it. */
  async function servedBy(headers: Record<string, string> = {}) {
    const before = await healthCounts();
    const response = await send(getCluster().url + api.system.health.path, { headers });
    expect(response.status).toBe(200);
    for (let attempt = 0; attempt < 50; attempt++) {
      const after = await healthCounts();
      const nodes = [...after].filter(([node, count]) => count > (before.get(node) ?? 0));
      if (nodes.length > 0) {
        expect(nodes).toHaveLength(1);
        return { nodeId: nodes[0]![0], response };
      }
      // The node records the request once the response has been flushed.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('no node counted the request');
  }

  /** A routing cookie value that nginx sends to `node`. */
  async function keyFor(node: BackendNode) {
    for (let attempt = 0; attempt < 100; attempt++) {
      const key = randomKey();
      const { nodeId } = await servedBy({ cookie: `spotlight_route=${key}` });
      if (nodeId === node.nodeId) return key;
    }
    throw new Error(`no routing key landed on ${node.nodeId}`);
  }

  return { servedBy, keyFor };
}
