/**
 * Match requests over sockets. The rules live in the matches service, which the REST
 * `PATCH /api/matches/:id` uses too; notifications come from its domain events, so that both
 * paths tell the other dancer.
 */
import type { MatchStatus } from '@spotlight/contracts';
import { handle } from './handler';
import { rooms, type IoSocket, type RealtimeDeps } from './types';

export function registerMatchmaking(socket: IoSocket, { ctx, services }: RealtimeDeps) {
  const { user } = socket.data;
  const transition = (matchId: number, status: MatchStatus) =>
    services.matches.transition(user.id, matchId, status).then((match) => ({ match }));

  handle(socket, ctx.logger, 'send_match_request', async ({ targetUserId, eventId }) => ({
    match: await services.matches.create(user.id, { targetUserId, eventId }),
  }));
  handle(socket, ctx.logger, 'accept_match_request', ({ matchId }) =>
    transition(matchId, 'accepted'),
  );
  handle(socket, ctx.logger, 'reject_match_request', ({ matchId }) =>
    transition(matchId, 'rejected'),
  );
  handle(socket, ctx.logger, 'cancel_match_request', ({ matchId }) =>
    transition(matchId, 'cancelled'),
  );
}

/** Tells both dancers about new and changed matches, on every device, whichever path made them. */
export function watchMatches({ io, ctx, services }: RealtimeDeps): () => void {
  const offCreated = ctx.bus.on('match.created', async ({ matchId, requesterId, targetId }) => {
    const [match, fromUser] = await Promise.all([
      services.matches.get(targetId, matchId),
      services.users.getPublic(requesterId),
    ]);
    io.to(rooms.user(targetId)).emit('match_request_received', {
      matchId,
      eventId: match.event.id,
      fromUser,
      match,
    });
  });

  const offUpdated = ctx.bus.on('match.updated', async (change) => {
    const { matchId, status, requesterId, targetId } = change;
    const sides = [
      { userId: requesterId, partnerId: targetId },
      { userId: targetId, partnerId: requesterId },
    ];
    if (status === 'accepted') {
      await Promise.all(
        sides.map(async ({ userId, partnerId }) => {
          const [match, partner] = await Promise.all([
            services.matches.get(userId, matchId),
            services.users.getPublic(partnerId),
          ]);
          io.to(rooms.user(userId)).emit('match_accepted', { matchId, partner, match });
        }),
      );
      return;
    }
    await Promise.all(
      sides.map(async ({ userId }) => {
        const match = await services.matches.get(userId, matchId);
        io.to(rooms.user(userId)).emit('match_updated', { matchId, match });
      }),
    );
    // Nothing more happens in the room of a match that ended without a recording.
    if (status === 'rejected' || status === 'cancelled') {
      io.in(rooms.match(matchId)).socketsLeave(rooms.match(matchId));
    }
  });

  // Recording suggestions (issue 11): to both people, on every device, each from their side.
  const offRecording = ctx.bus.on('recording.changed', ({ userId, recording, removed }) => {
    io.to(rooms.user(userId)).emit('recording_updated', { recording, removed });
  });

  return () => {
    offCreated();
    offUpdated();
    offRecording();
  };
}
