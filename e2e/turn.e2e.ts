/**
 * A video forced through TURN: Debian's coturn on loopback with coturn/turnserver.conf, the
 * backend handing out time-limited credentials (GET /api/webrtc/ice-servers with TURN_SERVER
 * and TURN_SECRET), and two headless Chromium pages running the real transfer engine
 * (bench/transfer/page) with iceTransportPolicy 'relay', so that no direct path is even
 * tried. The received file must be SHA-256 identical, and the selected path a relay.
 *
 * The coturn instance is the CI variant (--allow-loopback-peers): both relay addresses are
 * 127.0.0.1, which the production config refuses (backend/test/deploy/turn.test.ts checks it).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { api, type IceServer } from '@spotlight/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTurn, stopTurn, type Turn } from '../backend/test/deploy/coturn';
import { requireTool } from '../backend/test/deploy/support';
import { startTestServer, type TestServer } from '../backend/test/harness';
import { buildBenchPage, linkPages, serve } from '../bench/transfer/harness';
import { launchChromium, WEBRTC_ARGS } from './support/chromium';

const enabled = requireTool('turnserver', 'the TURN transfer runs Debian coturn on loopback');
const FILE_BYTES = 8 * 1024 * 1024;

describe.skipIf(!enabled)('a transfer relayed through coturn', () => {
  let dir: string;
  let turn: Turn;
  let server: TestServer;
  let site: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;
  let sender: Page;
  let receiver: Page;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'spotlight-turn-e2e-'));
    const secret = randomBytes(24).toString('base64url');
    turn = await startTurn(dir, secret, true);
    server = await startTestServer({
      STUN_SERVER: '',
      TURN_SERVER: `turn:127.0.0.1:${turn.port}?transport=udp`,
      TURN_SECRET: secret,
    });
    await buildBenchPage(path.join(dir, 'page'));
    site = await serve(path.join(dir, 'page'));
    // The flags of the transfer bench: loopback candidates allowed, no mDNS masking.
    browser = await launchChromium(WEBRTC_ARGS);
    // Two origins, so that the peers get renderer processes (and OPFS) of their own.
    const open = async (origin: string) => {
      const context = await browser.newContext();
      await context.grantPermissions(['camera', 'microphone'], { origin });
      const page = await context.newPage();
      await page.goto(`${origin}/index.html`);
      return page;
    };
    sender = await open(`http://127.0.0.1:${site.port}`);
    receiver = await open(`http://localhost:${site.port}`);
    await linkPages(sender, receiver);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.close();
    await stopTurn(turn);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('sends a file SHA-256 identical over a relay-only connection with the backend’s credentials', async () => {
    // What each phone would fetch: its own user's short-lived TURN credentials.
    const iceServersOf = async () => {
      const user = await server.registerUser();
      const response = await server.call(api.webrtc.iceServers, {}, { token: user.token });
      expect(response.status).toBe(200);
      const iceServers = response.body.iceServers as IceServer[];
      expect(iceServers).toHaveLength(1);
      expect([iceServers[0]!.urls].flat()[0]).toBe(`turn:127.0.0.1:${turn.port}?transport=udp`);
      return iceServers.map((entry) => ({ ...entry }) as RTCIceServer);
    };
    const [senderIce, receiverIce] = [await iceServersOf(), await iceServersOf()];

    const file = path.join(dir, 'heat-3.mp4');
    const bytes = randomBytes(FILE_BYTES);
    writeFileSync(file, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');

    const started = Date.now();
    await Promise.all([
      sender.evaluate(
        (iceServers) => window.bench.initEngine('sender', { iceServers, relayOnly: true }),
        senderIce,
      ),
      receiver.evaluate(
        (iceServers) => window.bench.initEngine('receiver', { iceServers, relayOnly: true }),
        receiverIce,
      ),
    ]);
    await sender.locator('#file').setInputFiles(file);
    await sender.evaluate(() => window.bench.sendChosenFile());
    const [sent, received] = await Promise.all([
      sender.evaluate(() => window.bench.finished()),
      receiver.evaluate(() => window.bench.finished()),
    ]);
    const seconds = (Date.now() - started) / 1000;

    expect(sent.phase).toBe('completed');
    expect(received.phase).toBe('completed');
    expect(await sender.evaluate(() => window.bench.connectionPath())).toBe('relay');
    expect(await receiver.evaluate(() => window.bench.connectionPath())).toBe('relay');
    const stored = await receiver.evaluate(() => window.bench.receivedSha256());
    expect(stored).toEqual({ sha256, size: FILE_BYTES });
    expect(received.files[0]?.sha256).toBe(sha256);
    console.log(
      `TURN relay transfer: ${FILE_BYTES / 1024 / 1024} MiB in ${seconds.toFixed(1)} s, SHA-256 identical`,
    );
  }, 120_000);
});
