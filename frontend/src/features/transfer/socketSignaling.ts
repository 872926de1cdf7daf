import { serverEvents } from '@spotlight/contracts';
import type { AckChannel } from '../../lib/socket/types';
import type { SignalingChannel } from './engine/signaling';

/** What the signaling needs of the socket client (SocketClient is one). */
export type SignalingTransport = Pick<AckChannel, 'emitWithAck' | 'onServerEvent'>;

/**
 * The transfer engine's SignalingChannel over the app's one socket client (rather than a
 * second connection): offers, answers and ICE candidates for one match, validated against the
 * contract on arrival, and re-attached by the client after every reconnect.
 */
export function socketClientSignaling(
  client: SignalingTransport,
  matchId: number,
): SignalingChannel {
  return {
    send(message) {
      if (message.kind === 'candidate') {
        const c = message.candidate;
        void client.emitWithAck('webrtc_ice_candidate', {
          matchId,
          candidate: c
            ? {
                candidate: c.candidate ?? '',
                sdpMid: c.sdpMid ?? null,
                sdpMLineIndex: c.sdpMLineIndex ?? null,
                usernameFragment: c.usernameFragment ?? null,
              }
            : null,
        });
      } else if (message.description.type === 'offer') {
        void client.emitWithAck('webrtc_offer', {
          matchId,
          offer: { type: 'offer', sdp: message.description.sdp },
        });
      } else {
        void client.emitWithAck('webrtc_answer', {
          matchId,
          answer: { type: 'answer', sdp: message.description.sdp },
        });
      }
    },
    onMessage(handler) {
      const offs = [
        client.onServerEvent('webrtc_offer', (payload) => {
          const parsed = serverEvents.webrtc_offer.safeParse(payload);
          if (parsed.success && parsed.data.matchId === matchId) {
            handler({ kind: 'description', description: parsed.data.offer });
          }
        }),
        client.onServerEvent('webrtc_answer', (payload) => {
          const parsed = serverEvents.webrtc_answer.safeParse(payload);
          if (parsed.success && parsed.data.matchId === matchId) {
            handler({ kind: 'description', description: parsed.data.answer });
          }
        }),
        client.onServerEvent('webrtc_ice_candidate', (payload) => {
          const parsed = serverEvents.webrtc_ice_candidate.safeParse(payload);
          if (parsed.success && parsed.data.matchId === matchId) {
            handler({ kind: 'candidate', candidate: parsed.data.candidate });
          }
        }),
      ];
      return () => offs.forEach((off) => off());
    },
  };
}
