import {
  api,
  type ClientToServerEvents,
  IceServersResponse,
  serverEvents,
  type ServerToClientEvents,
} from '@spotlight/contracts';
import type { Socket } from 'socket.io-client';

/** One signaling message between the two peers of a match. */
export type SignalMessage =
  | { kind: 'description'; description: { type: 'offer' | 'answer'; sdp: string } }
  /** `null`: the peer gathered all its candidates. */
  | { kind: 'candidate'; candidate: RTCIceCandidateInit | null };

/** Carries offers, answers and ICE candidates to the partner (the match's signaling relay). */
export interface SignalingChannel {
  send(message: SignalMessage): void;
  onMessage(handler: (message: SignalMessage) => void): () => void;
}

/**
 * Signaling over the app's Socket.IO connection: the seed's `webrtc_offer`, `webrtc_answer` and
 * `webrtc_ice_candidate` events for one match. What arrives is validated against the contract
 * and filtered to that match.
 */
export function createSocketSignaling(
  socket: Socket<ServerToClientEvents, ClientToServerEvents>,
  matchId: number,
): SignalingChannel {
  const ignoreAck = () => undefined;
  return {
    send(message) {
      if (message.kind === 'candidate') {
        const c = message.candidate;
        const candidate = c
          ? {
              candidate: c.candidate ?? '',
              sdpMid: c.sdpMid ?? null,
              sdpMLineIndex: c.sdpMLineIndex ?? null,
              usernameFragment: c.usernameFragment ?? null,
            }
          : null;
        socket.emit('webrtc_ice_candidate', { matchId, candidate }, ignoreAck);
      } else if (message.description.type === 'offer') {
        const offer = { type: 'offer' as const, sdp: message.description.sdp };
        socket.emit('webrtc_offer', { matchId, offer }, ignoreAck);
      } else {
        const answer = { type: 'answer' as const, sdp: message.description.sdp };
        socket.emit('webrtc_answer', { matchId, answer }, ignoreAck);
      }
    },
    onMessage(handler) {
      const handleOffer = (payload: unknown) => {
        const parsed = serverEvents.webrtc_offer.safeParse(payload);
        if (parsed.success && parsed.data.matchId === matchId) {
          handler({ kind: 'description', description: parsed.data.offer });
        }
      };
      const handleAnswer = (payload: unknown) => {
        const parsed = serverEvents.webrtc_answer.safeParse(payload);
        if (parsed.success && parsed.data.matchId === matchId) {
          handler({ kind: 'description', description: parsed.data.answer });
        }
      };
      const handleCandidate = (payload: unknown) => {
        const parsed = serverEvents.webrtc_ice_candidate.safeParse(payload);
        if (parsed.success && parsed.data.matchId === matchId) {
          handler({ kind: 'candidate', candidate: parsed.data.candidate });
        }
      };
      socket.on('webrtc_offer', handleOffer);
      socket.on('webrtc_answer', handleAnswer);
      socket.on('webrtc_ice_candidate', handleCandidate);
      return () => {
        socket.off('webrtc_offer', handleOffer);
        socket.off('webrtc_answer', handleAnswer);
        socket.off('webrtc_ice_candidate', handleCandidate);
      };
    },
  };
}

/** STUN (and TURN with expiring credentials) from GET /api/webrtc/ice-servers. */
export async function fetchIceServers(fetchImpl: typeof fetch = fetch): Promise<RTCIceServer[]> {
  const res = await fetchImpl(api.webrtc.iceServers.path, { credentials: 'include' });
  if (!res.ok) throw new Error(`ICE servers: HTTP ${res.status}`);
  return IceServersResponse.parse(await res.json()).iceServers;
}
