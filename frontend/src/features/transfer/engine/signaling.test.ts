import type { ClientToServerEvents, ServerToClientEvents } from '@spotlight/contracts';
import type { Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { createSocketSignaling, type SignalMessage } from './signaling';

/** Just enough of a Socket.IO client socket: records emits, lets the test play server events. */
function fakeSocket() {
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  const emitted: [string, unknown][] = [];
  const socket = {
    emit: (event: string, payload: unknown) => void emitted.push([event, payload]),
    on: (event: string, handler: (payload: unknown) => void) => {
      handlers.set(event, (handlers.get(event) ?? new Set()).add(handler));
    },
    off: (event: string, handler: (payload: unknown) => void) =>
      handlers.get(event)?.delete(handler),
  };
  const serverSends = (event: string, payload: unknown) =>
    handlers.get(event)?.forEach((h) => h(payload));
  return {
    socket: socket as unknown as Socket<ServerToClientEvents, ClientToServerEvents>,
    emitted,
    serverSends,
  };
}

describe('socket signaling', () => {
  it('emits the seed events with the match id', () => {
    const { socket, emitted } = fakeSocket();
    const signaling = createSocketSignaling(socket, 4);
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
    const { socket, serverSends } = fakeSocket();
    const got: SignalMessage[] = [];
    const off = createSocketSignaling(socket, 4).onMessage((m) => got.push(m));
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
