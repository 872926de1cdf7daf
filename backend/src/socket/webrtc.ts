/**
 * WebRTC signaling: offers, answers and ICE candidates go only to the other participant of an
 * accepted match, to those of their sockets that joined the match's private room. Never to
 * anyone else, never back to the sender. Sizes are bounded by the contract's schemas.
 */
import { handle } from './handler';
import { rooms, type IoSocket, type RealtimeDeps } from './types';

export function registerWebrtc(socket: IoSocket, { io, ctx, services }: RealtimeDeps) {
  const { user } = socket.data;

  /** The sockets a signal of this match goes to, once the sender may signal at all. */
  const partnerOf = async (matchId: number) => {
    await services.matches.assertCanSignal(user.id, matchId);
    // The match room holds only the two participants' sockets (joining checks it).
    return io.to(rooms.match(matchId)).except(rooms.user(user.id));
  };

  handle(socket, ctx.logger, 'webrtc_offer', async ({ matchId, offer }) => {
    (await partnerOf(matchId)).emit('webrtc_offer', { matchId, fromUserId: user.id, offer });
    return {};
  });
  handle(socket, ctx.logger, 'webrtc_answer', async ({ matchId, answer }) => {
    (await partnerOf(matchId)).emit('webrtc_answer', { matchId, fromUserId: user.id, answer });
    return {};
  });
  handle(socket, ctx.logger, 'webrtc_ice_candidate', async ({ matchId, candidate }) => {
    (await partnerOf(matchId)).emit('webrtc_ice_candidate', {
      matchId,
      fromUserId: user.id,
      candidate,
    });
    return {};
  });
}
