/** GET /api/matches/:id/messages: the private chat of a match, for its two dancers only. */
import { api, MAX_INT } from '@spotlight/contracts';
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/db/schema';
import { serveTestFile, type TestServer, type TestUser } from '../harness';
import {
  expectError,
  expectNoSecrets,
  expectValidationError,
  matchAt,
  moveMatch,
  send,
  XSS,
  type HistoryQuery,
} from '../helpers';

let t: TestServer;
let outsider: TestUser;
serveTestFile((server, user) => ([t, outsider] = [server, user]));

const chat = () => t.server.services.chat;

const matchPage = (user: TestUser, matchId: number, query: HistoryQuery = {}) =>
  t.call(api.chat.matchHistory, { params: { id: matchId }, query }, { token: user.token });

describe('GET /api/matches/:id/messages', () => {
  it('is empty before the match is accepted, then holds the private chat', async () => {
    const { requester, target, match } = await matchAt(t, 'pending');
    expect((await matchPage(requester, match.id)).body).toEqual({ items: [], hasMore: false });
    await moveMatch(t, target, match.id, 'accepted');
    await chat().sendPrivateMessage(requester.id, match.id, { content: XSS[0], type: 'text' });
    await chat().sendPrivateMessage(target.id, match.id, {
      content: 'https://drive.example.test/heat-3.mp4',
      type: 'link',
    });
    const res = await matchPage(target, match.id);
    expect(res.status).toBe(200);
    expect(res.body.hasMore).toBe(false);
    expect(res.body.items.map((m) => [m.userId, m.type, m.content])).toEqual([
      [requester.id, 'text', XSS[0]],
      [target.id, 'link', 'https://drive.example.test/heat-3.mp4'],
    ]);
    expect(res.body.items[0]).toMatchObject({ matchId: match.id, username: requester.username });
    expectNoSecrets(res.body, [requester.email, target.email]);
  });

  it('pages with before and after', async () => {
    const { requester, target, match } = await matchAt(t, 'accepted');
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) {
      const sender = i % 2 ? target : requester;
      ids.push(
        (await chat().sendPrivateMessage(sender.id, match.id, { content: `p${i}`, type: 'text' }))
          .message.id,
      );
    }
    const newest = await matchPage(requester, match.id, { limit: 3 });
    expect(newest.body.items.map((m) => m.id)).toEqual(ids.slice(4));
    expect(newest.body.hasMore).toBe(true);
    const older = await matchPage(requester, match.id, { limit: 3, before: ids[4] });
    expect(older.body.items.map((m) => m.id)).toEqual(ids.slice(1, 4));
    expect(older.body.hasMore).toBe(true);
    const oldest = await matchPage(requester, match.id, { limit: 3, before: ids[1] });
    expect(oldest.body).toMatchObject({ hasMore: false });
    expect(oldest.body.items.map((m) => m.id)).toEqual([ids[0]]);
    const forward = await matchPage(target, match.id, { limit: 4, after: ids[1] });
    expect(forward.body.items.map((m) => m.id)).toEqual(ids.slice(2, 6));
    expect(forward.body.hasMore).toBe(true);
  });

  it("is 404 for someone else's match and a missing one", async () => {
    const { event, requester, match } = await matchAt(t, 'accepted');
    await chat().sendPrivateMessage(requester.id, match.id, { content: 'private', type: 'text' });
    const bystander = await t.registerUser();
    await t.call(api.events.join, { params: { id: event.id } }, { token: bystander.token });
    expectError(await matchPage(bystander, match.id), 404, 'not_found');
    expectError(await matchPage(outsider, match.id), 404, 'not_found');
    expectError(await matchPage(outsider, MAX_INT), 404, 'not_found');
    const [rows] = await t.db
      .select({ value: count() })
      .from(messages)
      .where(and(eq(messages.userId, requester.id), eq(messages.content, 'private')));
    expect(rows!.value).toBe(1);
  });

  it('validates the cursor and needs a session', async () => {
    const { requester, match } = await matchAt(t, 'accepted');
    const token = requester.token;
    const params = { id: match.id };
    expectValidationError(
      await send(
        t,
        api.chat.matchHistory,
        { params, query: { before: '3', after: '1' } },
        { token },
      ),
      'query',
    );
    expectValidationError(
      await send(t, api.chat.matchHistory, { params, query: { limit: '1000' } }, { token }),
      'query.limit',
    );
    expectValidationError(
      await send(t, api.chat.matchHistory, { params: { id: '0' } }, { token }),
      'params.id',
    );
    expectError(await t.call(api.chat.matchHistory, { params }), 401, 'unauthorized');
  });
});
