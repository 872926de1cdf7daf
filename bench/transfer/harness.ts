/**
 * The Node half of the two-page transfer harness, shared by bench/transfer/run.ts and
 * e2e/turn.e2e.ts: the page in bench/transfer/page built and served over HTTP, and the
 * signaling relay between a sender page and a receiver page.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

/** Builds bench/transfer/page (the real engine, OPFS worker included) into `outDir`. */
export async function buildBenchPage(outDir: string): Promise<void> {
  await build({
    root: join(here, 'page'),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false },
  });
}

/** Serves `dir` on a free port, on both http://127.0.0.1 and http://localhost. */
export async function serve(dir: string): Promise<{ port: number; close: () => Promise<void> }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.wasm': 'application/wasm',
    '.css': 'text/css',
  };
  const server = http.createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = resolve(dir, `.${path === '/' ? '/index.html' : path}`);
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  // '::' with dual stack, so both http://127.0.0.1 and http://localhost (maybe ::1) reach it.
  await new Promise<void>((r) => server.listen({ port: 0, host: '::', ipv6Only: false }, r));
  const { port } = server.address() as AddressInfo;
  return { port, close: () => new Promise((r) => server.close(() => r())) };
}

/**
 * Signaling between the two pages: each page's outgoing messages are evaluated in the
 * other, in order. Reloads both pages so that the binding is there from the start.
 */
export async function linkPages(sender: Page, receiver: Page): Promise<void> {
  const relay = (to: () => Page) => {
    let queue: Promise<unknown> = Promise.resolve();
    return (_source: unknown, ns: 'bare' | 'engine', json: string) => {
      queue = queue.then(() =>
        to()
          .evaluate(([n, j]) => window.bench.signalIn(n, j), [ns, json] as const)
          .catch(() => undefined),
      );
      return queue.then(() => undefined);
    };
  };
  await sender.exposeBinding(
    'benchSignalOut',
    relay(() => receiver),
  );
  await receiver.exposeBinding(
    'benchSignalOut',
    relay(() => sender),
  );
  await Promise.all([sender.reload(), receiver.reload()]);
}
