/**
 * WebRTC signaling: offers, answers and ICE candidates go only to the other participant of an
 * accepted match, to those of their sockets that joined the match's private room. Never to
 * anyone else, never back to the sender. Sizes are bounded by the contract's schemas, and the
 * bytes relayed per match per minute by SIGNALING_BYTES_PER_MATCH_PER_MINUTE.
 *
 * A socket's signals are relayed in the order they arrived: each waits for the match check of
 * the one before, so an ICE candidate never overtakes the offer it belongs to.
 */
import { rateLimited } from '../errors';
import { consume } from '../limits';
import { handle } from './handler';
import { rooms, type IoServer, type IoSocket, type RealtimeDeps } from './types';

type Partner = ReturnType<IoServer['to']>;

export function registerWebrtc(socket: IoSocket, { io, ctx, services }: RealtimeDeps) {
  const { user } = socket.data;

  let previous: Promise<unknown> = Promise.resolve();

  /**
   * Sends a signal of this match to the partner's sockets, once the sender may signal at all,
   * after the signals before it. The match room holds only the two participants' sockets
   * (joining checks it). Its bytes count against the match's signaling budget, only once the
   * sender is known to be a participant: nobody else can spend it.
   */
  const relay = (matchId: number, signal: unknown, send: (partner: Partner) => void) => {
    const step = previous.then(async () => {
      await services.matches.assertCanSignal(user.id, matchId);
      const bytes = Buffer.byteLength(JSON.stringify(signal));
      const wait = await consume(ctx.limits.signalingMatch, String(matchId), bytes);
      if (wait > 0) throw rateLimited(wait, 'Too much signaling in this match; wait a moment');
      send(io.to(rooms.match(matchId)).except(rooms.user(user.id)));
      return {};
    });
    previous = step.catch(() => undefined);
    return step;
  };

  // The partner may be elsewhere in the app, or have it closed: they are notified (pushed to
  // when no focused client shows this match chat).
  handle(socket, ctx.logger, 'webrtc_offer', async ({ matchId, offer }) => {
    const result = await relay(matchId, offer, (partner) =>
      partner.emit('webrtc_offer', { matchId, fromUserId: user.id, offer }),
    );
    services.notify
      .videoOffer(matchId, user.id)
      .catch((error: unknown) =>
        ctx.logger.warn({ err: error }, 'video offer notification failed'),
      );
    return result;
  });
  handle(socket, ctx.logger, 'webrtc_answer', ({ matchId, answer }) =>
    relay(matchId, answer, (partner) =>
      partner.emit('webrtc_answer', { matchId, fromUserId: user.id, answer }),
    ),
  );
  handle(socket, ctx.logger, 'webrtc_ice_candidate', ({ matchId, candidate }) =>
    relay(matchId, candidate, (partner) =>
      partner.emit('webrtc_ice_candidate', { matchId, fromUserId: user.id, candidate }),
    ),
  );
}
