import { describe, expect, it } from 'vitest';
import type { SignalMessage } from './engine/signaling';
import { socketClientSignaling, type SignalingTransport } from './socketSignaling';

/**
 * Just enough of a socket transport: records emits, lets the test play server events (the
 * real socket client is covered against a real server in frontend/test/socket-client.test.ts).
 */
function fakeTransport() {
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  const emitted: [string, unknown][] = [];
  const transport = {
    emitWithAck: async (event: string, payload: unknown) => {
      emitted.push([event, payload]);
      return { ok: true };
    },
    onServerEvent: (event: string, handler: (payload: unknown) => void) => {
      handlers.set(event, (handlers.get(event) ?? new Set()).add(handler));
      return () => void handlers.get(event)?.delete(handler);
    },
  };
  const serverSends = (event: string, payload: unknown) =>
    handlers.get(event)?.forEach((h) => h(payload));
  return { transport: transport as unknown as SignalingTransport, emitted, serverSends };
}

describe('socket signaling', () => {
  it('emits the seed events with the match id', () => {
    const { transport, emitted } = fakeTransport();
    const signaling = socketClientSignaling(transport, 4);
    signaling.send({ kind: 'description', description: { type: 'offer', sdp: 'v=0' } });
    signaling.send({
      kind: 'candidate',
      candidate: { candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0 },
    });
    signaling.send({ kind: 'candidate', candidate: null });
    expect(emitted).toEqual([
      ['webrtc_offer', { matchId: 4, offer: { type: 'offer', sdp: 'v=0' } }],
      [
        'webrtc_ice_candidate',
        {
          matchId: 4,
          candidate: {
            candidate: 'candidate:1',
            sdpMid: '0',
            sdpMLineIndex: 0,
            usernameFragment: null,
          },
        },
      ],
      ['webrtc_ice_candidate', { matchId: 4, candidate: null }],
    ]);
  });

  it('passes on valid signals of its match only, and stops on unsubscribe', () => {
    const { transport, serverSends } = fakeTransport();
    const got: SignalMessage[] = [];
    const off = socketClientSignaling(transport, 4).onMessage((m) => got.push(m));
    serverSends('webrtc_answer', {
      matchId: 4,
      fromUserId: 2,
      answer: { type: 'answer', sdp: 'v=0' },
    });
    serverSends('webrtc_answer', {
      matchId: 5,
      fromUserId: 2,
      answer: { type: 'answer', sdp: 'v=0' },
    });
    serverSends('webrtc_offer', {
      matchId: 4,
      fromUserId: 2,
      offer: { type: 'answer', sdp: 'v=0' },
    });
    serverSends('webrtc_ice_candidate', { matchId: 4, fromUserId: 2, candidate: null });
    off();
    serverSends('webrtc_ice_candidate', { matchId: 4, fromUserId: 2, candidate: null });
    expect(got).toEqual([
      { kind: 'description', description: { type: 'answer', sdp: 'v=0' } },
      { kind: 'candidate', candidate: null },
    ]);
  });
});
