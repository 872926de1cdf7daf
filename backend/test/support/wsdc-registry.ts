/**
 * The WSDC points registry on 127.0.0.1 for tests: it replays the recorded answers in
 * test/fixtures/wsdc (`<number>.json`), answers 404 to any other number, and can be told to
 * fail as the real one does (419 when Laravel wants a CSRF token, 500, an empty 200, or an
 * answer slower than the server's timeout). It checks every request is a form POST with `num`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/wsdc');

/** What the registry does with the next requests. */
export type RegistryMode =
  | 'replay'
  | 'csrf'
  | 'error'
  /** 200 with an empty body: how the registry may answer an unknown number. */
  | 'empty'
  /** Answers the recording after `slowMs` (longer than the server waits). */
  | 'slow';

export interface RegistryRequest {
  method: string;
  contentType: string | undefined;
  /** The form's `num`, or null when the request carried none. */
  num: string | null;
}

export interface FakeWsdcRegistry {
  /** The lookup URL, for WSDC_REGISTRY_URL. */
  url: string;
  /** Every request received, in order. */
  requests: RegistryRequest[];
  mode: RegistryMode;
  slowMs: number;
  close(): Promise<void>;
}

const recorded = new Map(
  readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.json'))
    .map((file) => [path.basename(file, '.json'), readFileSync(path.join(FIXTURES, file), 'utf8')]),
);

export async function startFakeWsdcRegistry(): Promise<FakeWsdcRegistry> {
  const sockets = new Set<Socket>();
  const fake: FakeWsdcRegistry = {
    url: '',
    requests: [],
    mode: 'replay',
    slowMs: 2000,
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const contentType = req.headers['content-type'];
      const form = contentType?.startsWith('application/x-www-form-urlencoded')
        ? new URLSearchParams(body)
        : undefined;
      const num = form?.get('num') ?? null;
      fake.requests.push({ method: req.method ?? '', contentType, num });
      const send = (status: number, text = '', type = 'application/json') => {
        res.writeHead(status, { 'content-type': type });
        res.end(text);
      };
      if (req.method !== 'POST' || num === null) return send(400, '{"message":"num required"}');
      if (fake.mode === 'csrf') return send(419, '<html>Page Expired</html>', 'text/html');
      if (fake.mode === 'error') return send(500, '<html>Server Error</html>', 'text/html');
      if (fake.mode === 'empty') return send(200, '');
      const answer = () => {
        const text = recorded.get(num);
        if (text) send(200, text);
        else send(404, '{"message":"Not Found"}');
      };
      if (fake.mode === 'slow') setTimeout(answer, fake.slowMs);
      else answer();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.url = `http://127.0.0.1:${port}/lookup2020/find`;
  fake.close = () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return fake;
}
