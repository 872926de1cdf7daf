/** One signaling message between the two peers of a match. */
export type SignalMessage =
  | { kind: 'description'; description: { type: 'offer' | 'answer'; sdp: string } }
  /** `null`: the peer gathered all its candidates. */
  | { kind: 'candidate'; candidate: RTCIceCandidateInit | null };

/**
 * Carries offers, answers and ICE candidates to the partner: in the app, the match's relay over
 * the socket client (features/transfer/socketSignaling.ts); in the bench, a relay between pages.
 */
export interface SignalingChannel {
  send(message: SignalMessage): void;
  onMessage(handler: (message: SignalMessage) => void): () => void;
}
