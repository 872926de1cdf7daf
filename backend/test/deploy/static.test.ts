/**
 * The backend as the whole server (`npm start`, no nginx): it serves the built PWA gzipped,
 * with the same cache headers as nginx, and leaves already-compressed files and Socket.IO's
 * own transport alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { api } from '@spotlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { send, writeFixtureDist } from './support';

describe('the backend serving the PWA by itself', () => {
  let dist: string;
  let jsAsset: string;
  let server: TestServer;
  const gzip = { headers: { 'accept-encoding': 'gzip' } };

  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'spotlight-dist-'));
    ({ jsAsset } = writeFixtureDist(dist));
    // An image: its bytes are already compressed, whatever they are.
    writeFileSync(path.join(dist, 'assets', 'heat-Ab12Cd34.png'), Buffer.alloc(4096, 7));
    server = await startTestServer({ SERVE_FRONTEND: 'true', FRONTEND_DIST: dist });
  });

  afterAll(async () => {
    await server?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it('gzips a hashed JS asset and keeps its long cache header', async () => {
    const plain = await send(server.url + jsAsset);
    const zipped = await send(server.url + jsAsset, gzip);
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['vary']).toMatch(/accept-encoding/i);
    expect(zipped.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(zipped.body).toString()).toBe(plain.text);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 4);
    // A client that does not ask for gzip gets the file as it is.
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('gzips large JSON from the API', async () => {
    const response = await send(`${server.url}/api/openapi.json`, gzip);
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(response.body).toString())).toHaveProperty('openapi');
  });

  it('leaves small responses, images and Socket.IO alone', async () => {
    const health = await send(server.url + api.system.health.path, gzip);
    expect(health.status).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();

    const image = await send(`${server.url}/assets/heat-Ab12Cd34.png`, gzip);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.body.length).toBe(4096);

    const handshake = await send(`${server.url}/socket.io/?EIO=4&transport=polling`, gzip);
    expect(handshake.status).toBe(200);
    expect(handshake.headers['content-encoding']).toBeUndefined();
    expect(handshake.text).toMatch(/^0\{"sid":/);
  });
});
