import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/db/schema';
import type { TestServer } from '../harness';
import {
  collect,
  dancersAt,
  emitAck,
  errorCode,
  matchBetween,
  nextEvent,
  ok,
  useSocketServer,
} from '../socket-harness';

let t: TestServer;
const connect = useSocketServer(
  { CHAT_RATE_PER_SECOND: '1000', CHAT_BURST: '10000' },
  (server) => (t = server),
);

/** Ana and Ben with an accepted match, and Cleo, at the same event. */
async function trio(accept = true) {
  const { eventId, users } = await dancersAt(t, 3);
  const [ana, ben, cleo] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0]];
  const matchId = await matchBetween(t, ana, ben, eventId, accept);
  return { eventId, matchId, ana, ben, cleo };
}

describe('private chat', () => {
  it('joins the room with history and the match, and delivers to the partner', async () => {
    const { matchId, ana, ben } = await trio();
    const [anaSocket, benSocket] = [await connect(ana.token), await connect(ben.token)];
    const joined = await ok(emitAck(anaSocket, 'join_private_room', { matchId }));
    expect(joined.messages).toEqual([]);
    expect(joined.match).toMatchObject({ id: matchId, status: 'accepted', role: 'requester' });
    expect(joined.match.partner.id).toBe(ben.id);
    await ok(emitAck(benSocket, 'join_private_room', { matchId }));

    const atBen = nextEvent(benSocket, 'private_message');
    const { message } = await ok(
      emitAck(anaSocket, 'send_private_message', { matchId, content: 'Heat 3, left side?' }),
    );
    expect(message).toMatchObject({ matchId, userId: ana.id, type: 'text' });
    expect(await atBen).toEqual(message);
  });

  it('reaches the partner on a device that has not opened the chat', async () => {
    const { matchId, ana, ben } = await trio();
    const [anaSocket, benElsewhere] = [await connect(ana.token), await connect(ben.token)];
    const atBen = nextEvent(benElsewhere, 'private_message');
    const { message } = await ok(
      emitAck(anaSocket, 'send_private_message', { matchId, content: 'ping' }),
    );
    expect(await atBen).toEqual(message);
  });

  it('carries a link (http/https only) and a video record, checked by type', async () => {
    const { matchId, ana, ben } = await trio();
    const anaSocket = await connect(ana.token);
    const benSocket = await connect(ben.token);
    await ok(emitAck(benSocket, 'join_private_room', { matchId }));
    const link = await ok(
      emitAck(anaSocket, 'send_private_message', {
        matchId,
        type: 'link',
        content: 'https://drive.example.com/file/heat3.mp4',
      }),
    );
    expect(link.message).toMatchObject({
      type: 'link',
      content: 'https://drive.example.com/file/heat3.mp4',
    });
    for (const content of ['javascript:alert(1)', 'ftp://files.example.com/x', 'not a link']) {
      expect(
        await errorCode(
          emitAck(anaSocket, 'send_private_message', { matchId, type: 'link', content }),
        ),
      ).toBe('validation_error');
    }
    const record = JSON.stringify({ name: 'heat3.mp4', size: 1234, sha256: 'a'.repeat(64) });
    const video = await ok(
      emitAck(anaSocket, 'send_private_message', { matchId, type: 'video', content: record }),
    );
    expect(video.message.type).toBe('video');
    expect(
      await errorCode(
        emitAck(anaSocket, 'send_private_message', { matchId, type: 'video', content: '{}' }),
      ),
    ).toBe('validation_error');
  });

  it('is only for the two participants, once the request is accepted', async () => {
    const { matchId, cleo } = await trio();
    const outsider = await connect(cleo.token);
    expect(await errorCode(emitAck(outsider, 'join_private_room', { matchId }))).toBe('not_found');
    expect(
      await errorCode(emitAck(outsider, 'send_private_message', { matchId, content: 'hi' })),
    ).toBe('not_found');

    const pending = await trio(false);
    const requester = await connect(pending.ana.token);
    expect(
      await errorCode(
        emitAck(requester, 'send_private_message', { matchId: pending.matchId, content: 'hi' }),
      ),
    ).toBe('forbidden');
  });

  it('is idempotent by clientId and catches up with afterId', async () => {
    const { matchId, ana, ben } = await trio();
    const anaSocket = await connect(ana.token);
    const clientId = randomUUID();
    const payload = { matchId, content: 'stored once', clientId };
    const acks = await Promise.all(
      [1, 2, 3].map(() => emitAck(anaSocket, 'send_private_message', payload)),
    );
    expect(acks[1]).toEqual(acks[0]);
    expect(acks[2]).toEqual(acks[0]);
    const rows = await t.db
      .select({ n: count() })
      .from(messages)
      .where(eq(messages.clientId, clientId));
    expect(rows[0]!.n).toBe(1);

    const after = acks[0]!.ok ? acks[0]!.message.id : 0;
    const missed = [];
    for (let i = 0; i < 5; i++) {
      missed.push(
        (await ok(emitAck(anaSocket, 'send_private_message', { matchId, content: `m${i}` })))
          .message,
      );
    }
    const benSocket = await connect(ben.token);
    const joined = await ok(emitAck(benSocket, 'join_private_room', { matchId, afterId: after }));
    expect(joined.messages).toEqual(missed);
  });

  it('leave_private_room stops the room broadcasts to that socket', async () => {
    const { matchId, ana, ben } = await trio();
    const anaSocket = await connect(ana.token);
    const anaTab = await connect(ana.token);
    const benSocket = await connect(ben.token);
    await ok(emitAck(anaTab, 'join_private_room', { matchId }));
    const atTab = collect(anaTab, 'private_message');
    await ok(emitAck(anaTab, 'leave_private_room', { matchId }));
    await ok(emitAck(anaSocket, 'send_private_message', { matchId, content: 'from my phone' }));
    // A later event to the same tab arrives after anything sent to it before.
    await ok(emitAck(anaTab, 'join_private_room', { matchId }));
    expect(atTab).toEqual([]);
    const atBen = nextEvent(benSocket, 'private_message');
    await ok(emitAck(anaTab, 'send_private_message', { matchId, content: 'tab' }));
    expect((await atBen).content).toBe('tab');
  });
});
