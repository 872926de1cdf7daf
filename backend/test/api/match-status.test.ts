/** PATCH /api/matches/:id: every status move by each side, and what the database holds after. */
import { api, MAX_INT } from '@spotlight/contracts';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chatRooms, matches } from '../../src/db/schema';
import { serveTestFile, type TestServer } from '../harness';
import {
  expectError,
  expectValidationError,
  join,
  matchAt,
  moveMatch,
  send,
  type MatchStage,
} from '../helpers';

let t: TestServer;
serveTestFile((server) => (t = server));

describe('PATCH /api/matches/:id', () => {
  it('accepting opens a private room; completing needs an accepted match', async () => {
    const { requester, target, match } = await matchAt(t, 'pending');
    const accepted = await moveMatch(t, target, match.id, 'accepted');
    expect(accepted).toMatchObject({ status: 'accepted', role: 'target' });
    expect(accepted.roomId).toEqual(expect.any(Number));
    const [room] = await t.db.select().from(chatRooms).where(eq(chatRooms.id, accepted.roomId!));
    expect(room).toMatchObject({ type: 'private' });
    const completed = await moveMatch(t, requester, match.id, 'completed');
    expect(completed).toMatchObject({ status: 'completed', roomId: accepted.roomId });
  });

  // Every move from every status by each side. Expected outcome, written out by hand:
  // 'ok' (200), 'forbidden' (403: the other side's move) or 'invalid' (409).
  const expected: Record<MatchStage, Record<string, { requester: string; target: string }>> = {
    pending: {
      accepted: { requester: 'forbidden', target: 'ok' },
      rejected: { requester: 'forbidden', target: 'ok' },
      cancelled: { requester: 'ok', target: 'forbidden' },
      completed: { requester: 'invalid', target: 'invalid' },
    },
    accepted: {
      accepted: { requester: 'invalid', target: 'invalid' },
      rejected: { requester: 'invalid', target: 'invalid' },
      cancelled: { requester: 'ok', target: 'ok' },
      completed: { requester: 'ok', target: 'ok' },
    },
    completed: {
      accepted: { requester: 'invalid', target: 'invalid' },
      rejected: { requester: 'invalid', target: 'invalid' },
      cancelled: { requester: 'invalid', target: 'invalid' },
      completed: { requester: 'invalid', target: 'invalid' },
    },
    rejected: {
      accepted: { requester: 'invalid', target: 'invalid' },
      rejected: { requester: 'invalid', target: 'invalid' },
      cancelled: { requester: 'invalid', target: 'invalid' },
      completed: { requester: 'invalid', target: 'invalid' },
    },
    cancelled: {
      accepted: { requester: 'invalid', target: 'invalid' },
      rejected: { requester: 'invalid', target: 'invalid' },
      cancelled: { requester: 'invalid', target: 'invalid' },
      completed: { requester: 'invalid', target: 'invalid' },
    },
  };

  for (const [from, moves] of Object.entries(expected) as [
    MatchStage,
    (typeof expected)['pending'],
  ][]) {
    for (const [to, bySide] of Object.entries(moves)) {
      for (const side of ['requester', 'target'] as const) {
        const outcome = bySide[side];
        it(`${from} → ${to} by the ${side}: ${outcome}`, async () => {
          const setup = await matchAt(t, from);
          const actor = setup[side];
          const res = await t.call(
            api.matches.update,
            {
              params: { id: setup.match.id },
              body: { status: to as 'accepted' | 'rejected' | 'cancelled' | 'completed' },
            },
            { token: actor.token },
          );
          if (outcome === 'ok') {
            expect(res.status, JSON.stringify(res.body)).toBe(200);
            expect(res.body.status).toBe(to);
          } else if (outcome === 'forbidden') {
            expectError(res, 403, 'forbidden');
          } else {
            expectError(res, 409, 'invalid_transition');
          }
          const [row] = await t.db.select().from(matches).where(eq(matches.id, setup.match.id));
          expect(row!.status).toBe(outcome === 'ok' ? to : from);
        });
      }
    }
  }

  it("is 404 for someone else's match, even a participant of the event", async () => {
    const { event, match } = await matchAt(t, 'pending');
    const bystander = await t.registerUser();
    await join(t, bystander, event.id);
    for (const status of ['accepted', 'rejected', 'cancelled', 'completed'] as const) {
      expectError(
        await t.call(
          api.matches.update,
          { params: { id: match.id }, body: { status } },
          { token: bystander.token },
        ),
        404,
        'not_found',
      );
    }
    const [row] = await t.db.select().from(matches).where(eq(matches.id, match.id));
    expect(row!.status).toBe('pending');
    expectError(
      await t.call(
        api.matches.update,
        { params: { id: MAX_INT }, body: { status: 'accepted' } },
        { token: bystander.token },
      ),
      404,
      'not_found',
    );
  });

  it('accepts once when the same accept arrives many times at once', async () => {
    const { target, match } = await matchAt(t, 'pending');
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.call(
          api.matches.update,
          { params: { id: match.id }, body: { status: 'accepted' } },
          { token: target.token },
        ),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 200)) {
      expectError(r, 409, 'invalid_transition');
    }
    const rooms = new Set(results.filter((r) => r.status === 200).map((r) => r.body.roomId));
    expect(rooms.size).toBe(1);
    const [privateRooms] = await t.db
      .select({ value: count() })
      .from(chatRooms)
      .where(eq(chatRooms.eventId, match.event.id));
    // The event room, plus exactly one private room.
    expect(privateRooms!.value).toBe(2);
  });

  it('validates the body and the id', async () => {
    const { target, match } = await matchAt(t, 'pending');
    const token = target.token;
    const params = { id: match.id };
    for (const body of [{}, { status: 'pending' }, { status: 'done' }, { status: 1 }]) {
      expectValidationError(
        await send(t, api.matches.update, { params, body }, { token }),
        'body.status',
      );
    }
    expectValidationError(
      await send(
        t,
        api.matches.update,
        { params, body: { status: 'accepted', roomId: 5 } },
        { token },
      ),
      'body',
    );
    expectValidationError(
      await send(
        t,
        api.matches.update,
        { params: { id: '-3' }, body: { status: 'accepted' } },
        { token },
      ),
      'params.id',
    );
  });

  it('needs a session', async () => {
    const { match } = await matchAt(t, 'pending');
    expectError(
      await t.call(api.matches.update, { params: { id: match.id }, body: { status: 'accepted' } }),
      401,
      'unauthorized',
    );
  });
});
