/**
 * TCP-level abuse of the HTTP server: one client holding every connection, and a slow-loris
 * client that keeps a connection by sending its headers one byte at a time.
 */
import net from 'node:net';
import { api } from '@spotlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';

let t: TestServer;
beforeAll(async () => {
  // TRUST_PROXY=false: the test's loopback connections are clients, not a trusted nginx.
  t = await startTestServer({
    TRUST_PROXY: 'false',
    HTTP_MAX_CONNECTIONS_PER_IP: '5',
    HTTP_HEADERS_TIMEOUT_MS: '1000',
    HTTP_REQUEST_TIMEOUT_MS: '5000',
  });
});
afterAll(() => t.close());

const request = `GET ${api.system.health.path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;

interface Connection {
  socket: net.Socket;
  /** Everything the server sent so far. */
  received(): string;
  /** Resolves once the server has closed the connection. */
  closed: Promise<void>;
}

function connect(): Promise<Connection> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(t.server.port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.on('error', () => {});
    socket.once('connect', () => resolve({ socket, received: () => text, closed }));
    socket.once('error', reject);
  });
}

/** Sends a request and resolves with the response, or with undefined if the server hung up. */
async function ask(connection: Connection): Promise<string | undefined> {
  const before = connection.received().length;
  connection.socket.write(request);
  for (;;) {
    const text = connection.received().slice(before);
    if (/\r\n\r\n[\s\S]*"status":"ok"/.test(text)) return text;
    if (connection.socket.destroyed) return undefined;
    await Promise.race([connection.closed, new Promise((r) => setTimeout(r, 20))]);
  }
}

describe('open connections per client IP', () => {
  it('refuses connections over HTTP_MAX_CONNECTIONS_PER_IP, and takes new ones once some close', async () => {
    const held = await Promise.all(Array.from({ length: 5 }, connect));
    for (const connection of held) expect(await ask(connection)).toMatch(/^HTTP\/1\.1 200/);

    const extra = await connect();
    expect(await ask(extra)).toBeUndefined();

    held[0]!.socket.destroy();
    await held[0]!.closed;
    // The server sees the close a moment after the client does.
    let answer: string | undefined;
    for (let attempt = 0; attempt < 50 && !answer; attempt++) {
      answer = await ask(await connect());
      if (!answer) await new Promise((r) => setTimeout(r, 50));
    }
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    for (const connection of held) connection.socket.destroy();
  });
});

describe('slow-loris', () => {
  it('cuts off a client that sends its headers one byte at a time', async () => {
    const slow = await connect();
    const trickle = `GET ${api.system.health.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${'a'.repeat(500)}`;
    let sent = 0;
    // Bounded: 500 bytes at 20 ms each would take 10 s; the server must close long before.
    while (!slow.socket.destroyed && sent < trickle.length) {
      slow.socket.write(trickle[sent++]!);
      await Promise.race([slow.closed, new Promise((r) => setTimeout(r, 20))]);
    }
    expect(slow.socket.destroyed).toBe(true);
    expect(sent).toBeLessThan(trickle.length);
    expect(slow.received()).not.toContain('"status":"ok"');
    // Everyone else is still served.
    expect((await t.call(api.system.health)).status).toBe(200);
  });
});
