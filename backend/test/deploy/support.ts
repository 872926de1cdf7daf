/** Helpers for the deployment tests: raw HTTP with full control, and tool detection. */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

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
