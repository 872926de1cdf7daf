/**
 * The deployment as a browser sees it: Debian's nginx (rendered from nginx/ by render.sh) in
 * front of two backend processes on PostgreSQL and Redis (scripts/cluster.ts), serving the
 * built PWA. Two dancers, each pinned by nginx's routing cookie to a different node, walk
 * the journey of journey.e2e.ts; then one node is SIGKILLed while they chat, and the other is
 * stopped with SIGTERM during an open chat.
 *
 * Which node holds a dancer's socket is read from each node's own /metrics
 * (socketio_open_sockets), straight from the node, never through nginx.
 */
import type { Browser } from 'playwright-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../backend/src/db/client';
import { upsertEvents } from '../backend/src/modules/events/repository';
import { requireTool, routing } from '../backend/test/deploy/support';
import { startCluster, type Cluster } from '../scripts/cluster';
import { launchChromium } from './support/app';
import {
  ADMIN_DATABASE_URL,
  connection,
  missingService,
  nodeSockets,
  sleep,
  waitOnline,
} from './support/cluster';
import { deliveredMessage, openEventChat, sendMessage } from './support/flows';
import {
  chatInEvent,
  chatLimits,
  chatPrivately,
  completeAndRate,
  historyAndProfile,
  joinBoth,
  JOURNEY_EVENTS,
  EVENT_NAME,
  markupStaysText,
  matchAndAccept,
  newPhone,
  noScreenshots,
  registerBoth,
  thirdDancerShutOut,
  unexpectedErrors,
  type Journey,
  type Phone,
} from './support/journey';

const SHUTDOWN_TIMEOUT_MS = 5000;
/** The bound: a dancer whose node died is back on another within this. */
const RECONNECT_BOUND_MS = 10_000;
const ROUTE_COOKIE = 'spotlight_route';

const missing = await missingService();
if (missing && process.env.CI === 'true') throw new Error(`the cluster e2e needs ${missing}`);
if (missing) console.warn(`SKIPPED: the cluster e2e needs ${missing}`);
const enabled =
  !missing && requireTool('nginx', 'the cluster e2e runs nginx in front of two backends');

describe.skipIf(!enabled)('through nginx, two backends on PostgreSQL and Redis', () => {
  let cluster: Cluster;
  let browser: Browser;
  const journey = { shot: noScreenshots } as Journey;
  /** The routing cookie of each dancer, chosen so that nginx sends A to node 1, B to node 2. */
  const routeKeys: string[] = [];
  const figures: string[] = [];

  const node = (index: 0 | 1) => cluster.backends[index]!;

  const { socketsByNode, expectSockets } = nodeSockets(() => cluster);

  beforeAll(async () => {
    cluster = await startCluster({
      port: 0,
      adminDatabaseUrl: ADMIN_DATABASE_URL,
      env: {
        BCRYPT_COST: '4',
        LOG_LEVEL: 'warn',
        SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      },
    });
    const database = await openDatabase({ url: cluster.databaseUrl, poolMax: 1 });
    try {
      for (const event of JOURNEY_EVENTS) {
        const { ids } = await upsertEvents(database.db, [
          { ...event, worldsdcId: `cluster-${event.name}` },
        ]);
        if (event.name === EVENT_NAME) journey.eventId = ids[0]!;
      }
    } finally {
      await database.close();
    }

    const { keyFor } = routing(() => cluster);
    routeKeys.push(await keyFor(node(0)), await keyFor(node(1)));
    browser = await launchChromium();
    const pinned = async (name: string, key: string) => {
      const phone = await newPhone(browser, cluster.url, name);
      // As if nginx had handed this browser the cookie on an earlier visit.
      await phone.context.addCookies([{ name: ROUTE_COOKIE, value: key, url: cluster.url }]);
      return phone;
    };
    journey.a = await pinned('Ana', routeKeys[0]!);
    journey.b = await pinned('Ben', routeKeys[1]!);
  }, 180_000);

  afterAll(async () => {
    if (figures.length > 0) console.log(`cluster e2e figures:\n  ${figures.join('\n  ')}`);
    await browser?.close();
    await cluster?.stop();
  });

  it('both register and join the event through nginx', async () => {
    await registerBoth(journey);
    await joinBoth(journey);
  });

  it('they chat in the event with their sockets on different nodes', async () => {
    await chatInEvent(journey);
    // One page each, one socket each: one on each node, as their routing cookies say.
    await expectSockets({ 'backend-1': 1, 'backend-2': 1 });
    await chatLimits(journey);
    await markupStaysText(journey);
  });

  it('match, private chat, completion, ratings and History work across the two nodes', async () => {
    await matchAndAccept(journey);
    await chatPrivately(journey);
    await completeAndRate(journey);
    await historyAndProfile(journey);
    await expectSockets({ 'backend-1': 1, 'backend-2': 1 });
  });

  it('a node SIGKILLed mid-chat: its dancer reconnects to the other within 10 s, and no acknowledged message is lost', async () => {
    const { a, b, eventId } = journey;
    const [victim, survivor] = [node(0), node(1)];
    await Promise.all([openEventChat(a.page, eventId), openEventChat(b.page, eventId)]);
    await Promise.all([waitOnline(a.page), waitOnline(b.page)]);
    await expectSockets({ 'backend-1': 1, 'backend-2': 1 });

    const sent: { from: Phone; text: string }[] = [];
    let turn = 0;
    const say = async () => {
      const from = turn % 2 === 0 ? a : b;
      const text = `kill-test ${turn} from ${from.dancer.username}`;
      turn++;
      sent.push({ from, text });
      await sendMessage(from.page, text);
    };
    // Both chat, and each message is acknowledged (shown as delivered to its sender).
    for (let i = 0; i < 6; i++) await say();
    for (const { from, text } of sent) await deliveredMessage(from.page, text).waitFor();
    const ackedBeforeKill = sent.map(({ text }) => text);

    // They keep chatting while the node dies: every 150 ms one of them sends a message.
    let chatting = true;
    const chatter = (async () => {
      while (chatting) {
        await say();
        await sleep(150);
      }
    })();
    await sleep(500);
    const killedAt = Date.now();
    expect(await victim.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });

    // A's page notices, reconnects through nginx, and lands on the survivor.
    const deadline = killedAt + RECONNECT_BOUND_MS + 5000;
    let reconnectedAt = 0;
    let sawDrop = false;
    while (Date.now() < deadline) {
      const status = await connection(a.page);
      if (status !== 'online') sawDrop = true;
      const counts = await socketsByNode();
      if (sawDrop && status === 'online' && counts[survivor.nodeId] === 2) {
        reconnectedAt = Date.now();
        break;
      }
      await sleep(50);
    }
    await sleep(1000);
    chatting = false;
    await chatter;
    expect(sawDrop, 'A’s page never showed the connection drop').toBe(true);
    expect(reconnectedAt, 'A did not reconnect to the surviving node').toBeGreaterThan(0);
    const reconnectMs = reconnectedAt - killedAt;
    figures.push(`SIGKILL: A back online on ${survivor.nodeId} after ${reconnectMs} ms`);
    expect(reconnectMs).toBeLessThan(RECONNECT_BOUND_MS);
    await expectSockets({ [survivor.nodeId]: 2 });

    // After the outage: each message, acknowledged before, during or after it, shows as
    // delivered in both browsers (queued ones are sent on reconnect, missed ones caught up).
    for (const { text } of sent) {
      await deliveredMessage(a.page, text).waitFor();
      await deliveredMessage(b.page, text).waitFor();
    }
    for (const text of ackedBeforeKill) {
      expect(await deliveredMessage(a.page, text).count(), text).toBe(1);
      expect(await deliveredMessage(b.page, text).count(), text).toBe(1);
    }
    await a.page.locator('li[data-pending]').waitFor({ state: 'detached' });
    figures.push(`SIGKILL: ${sent.length} messages sent around the kill, all delivered to both`);

    // And stored exactly once, whatever was retried.
    const db = new pg.Client({ connectionString: cluster.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ content: string; copies: number }>(
        "select content, count(*)::int as copies from messages where content like 'kill-test %' group by content",
      );
      expect(rows.map((row) => row.content).sort()).toEqual(sent.map(({ text }) => text).sort());
      expect(rows.filter((row) => row.copies !== 1)).toEqual([]);
    } finally {
      await db.end();
    }

    // Back on its port; nginx tries it again once fail_timeout (10 s) has passed.
    await victim.start();
    const { servedBy } = routing(() => cluster);
    let back = false;
    for (let attempt = 0; attempt < 150 && !back; attempt++) {
      back =
        (await servedBy({ cookie: `${ROUTE_COOKIE}=${routeKeys[0]!}` })).nodeId === victim.nodeId;
      if (!back) await sleep(200);
    }
    expect(back).toBe(true);
  }, 120_000);

  it('SIGTERM during an open chat: the node exits cleanly within its bound and the dancers reconnect', async () => {
    const { a, b } = journey;
    // Both dancers are on node 2 now (A moved there when node 1 died; WebSockets stay put).
    const [victim, survivor] = [node(1), node(0)];
    await expectSockets({ [survivor.nodeId]: 0, [victim.nodeId]: 2 });
    await sendMessage(a.page, 'before the deploy');
    await deliveredMessage(b.page, 'before the deploy').waitFor();

    const started = Date.now();
    const exited = victim.kill('SIGTERM');
    // Written as the node goes down: sent before, or queued and sent after the reconnect.
    await sendMessage(b.page, 'during the deploy');
    const exit = await exited;
    const exitMs = Date.now() - started;
    figures.push(`SIGTERM: ${victim.nodeId} exited ${JSON.stringify(exit)} after ${exitMs} ms`);
    expect(exit).toEqual({ code: 0, signal: null });
    // The bound is the process's own; the margin only absorbs a busy machine's scheduling.
    expect(exitMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS + 3000);

    await expectSockets({ [survivor.nodeId]: 2 }, RECONNECT_BOUND_MS);
    const reconnectMs = Date.now() - started;
    figures.push(`SIGTERM: both dancers on ${survivor.nodeId} ${reconnectMs} ms after the signal`);
    await Promise.all([waitOnline(a.page), waitOnline(b.page)]);

    await deliveredMessage(a.page, 'during the deploy').waitFor();
    await deliveredMessage(b.page, 'during the deploy').waitFor();
    await sendMessage(b.page, 'after the deploy');
    await deliveredMessage(a.page, 'after the deploy').waitFor();
    await sendMessage(a.page, 'still here');
    await deliveredMessage(b.page, 'still here').waitFor();
  }, 60_000);

  // Last: the third dancer's sockets would blur the per-node socket counts of the tests above
  // (a socket of a closed browser context stayed counted through nginx until the heartbeat
  // timed out, 45 s, when measured).
  it('a third dancer cannot open their private chat; logging out everywhere ends every tab', () =>
    thirdDancerShutOut(journey, browser, cluster.url));

  it('raised no page errors', () => {
    // The refused socket.io requests while a node was down may log as network errors.
    const unexpected = [...unexpectedErrors(journey.a), ...unexpectedErrors(journey.b)].filter(
      (e) => !/socket\.io|WebSocket|ERR_|status of 50\d/.test(e),
    );
    expect(unexpected).toEqual([]);
  });
});
