import { isApiError, type ApiCall } from '../api/client';
import { isTransientError } from '../errors';
import type { Emitter } from './emitter';
import { ROOM_KINDS } from './room-kinds';
import {
  roomKey,
  type AckChannel,
  type ChatMessage,
  type RoomRef,
  type SocketClientEvents,
} from './types';

/** How many ids before the last one seen a rejoin asks from (see join()). */
const REJOIN_OVERLAP = 20;

interface RoomState {
  room: RoomRef;
  refs: number;
  /** Highest id up to which this client has every message: the `afterId` of the next join. */
  lastSeenId: number;
  /** Highest id delivered at all, live messages included. */
  maxDelivered: number;
  /** A join or REST catch-up is running; live ids must not move lastSeenId past a gap. */
  catchingUp: boolean;
  joined: boolean;
  /** Ids delivered lately (the rejoin overlap's worth and more), so none is delivered twice. */
  recentIds: Set<number>;
}

export interface RoomSyncOptions {
  /** REST calls for the catch-up beyond what a join acknowledgement holds. */
  api: ApiCall;
  /** Rows per REST catch-up page. */
  catchUpPageSize?: number;
  /** A message of ours came back from the server (its clientId leaves the outbox). */
  onOwnMessage(clientId: string): void;
}

const maxId = (messages: readonly ChatMessage[]) =>
  messages.reduce((max, m) => (m.id > max ? m.id : max), 0);

/**
 * The rooms in use: joined while someone holds them, rejoined after every connect with the
 * last id seen (the ack carries what was missed, REST history the rest), and each message
 * delivered to the app once.
 */
export class RoomSync {
  private readonly rooms = new Map<string, RoomState>();

  constructor(
    private readonly channel: AckChannel,
    private readonly events: Emitter<SocketClientEvents>,
    private readonly options: RoomSyncOptions,
  ) {
    for (const kind of Object.values(ROOM_KINDS)) {
      kind.onLive(channel, (room, message) => this.deliverLive(room, message));
    }
  }

  /** See SocketClient.joinRoom. */
  joinRoom(room: RoomRef, afterId = 0): () => void {
    const key = roomKey(room);
    let state = this.rooms.get(key);
    if (state) {
      state.refs += 1;
      if (afterId > state.lastSeenId && !state.catchingUp) state.lastSeenId = afterId;
    } else {
      state = {
        room,
        refs: 1,
        lastSeenId: afterId,
        maxDelivered: afterId,
        catchingUp: false,
        joined: false,
        recentIds: new Set(),
      };
      this.rooms.set(key, state);
      if (this.channel.connected) void this.join(state, this.channel.generation);
    }
    const current = state;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      current.refs -= 1;
      if (current.refs > 0) return;
      this.rooms.delete(key);
      // Not joined yet: join() leaves when its ack comes back and finds the room released.
      if (current.joined) this.leave(room);
    };
  }

  lastSeenId(room: RoomRef): number | undefined {
    return this.rooms.get(roomKey(room))?.lastSeenId;
  }

  /** The connection dropped or was stopped: every room needs a join again. */
  markUnjoined() {
    for (const state of this.rooms.values()) state.joined = false;
  }

  /** Joins every room in use on a fresh connection; resolves when all have caught up. */
  async rejoinAll(generation: number) {
    this.markUnjoined();
    await Promise.allSettled([...this.rooms.values()].map((state) => this.join(state, generation)));
  }

  /** A message that arrived live (or in a send's ack). */
  deliverLive(room: RoomRef, message: ChatMessage) {
    const state = this.rooms.get(roomKey(room));
    if (state) {
      state.maxDelivered = Math.max(state.maxDelivered, message.id);
      if (!state.catchingUp) state.lastSeenId = Math.max(state.lastSeenId, message.id);
    }
    this.deliver(room, [message]);
  }

  private leave(room: RoomRef) {
    if (!this.channel.connected) return;
    ROOM_KINDS[room.kind].leave(this.channel, room.id);
  }

  private isCurrent(state: RoomState, generation: number) {
    return generation === this.channel.generation && this.rooms.get(roomKey(state.room)) === state;
  }

  private async join(state: RoomState, generation: number) {
    const { room } = state;
    state.catchingUp = true;
    // Two messages sent at the same moment can commit in the opposite order of their ids, so
    // a live message may arrive before a lower id that is still being stored. Rejoining a few
    // ids back picks such a straggler up; the cache keeps each id once.
    const afterId = Math.max(0, state.lastSeenId - REJOIN_OVERLAP);
    try {
      const ack = await ROOM_KINDS[room.kind].join(this.channel, room.id, afterId);
      if (generation !== this.channel.generation) return;
      if (this.rooms.get(roomKey(room)) !== state) {
        // Released while the join was on its way: leave again, unless the room is wanted
        // anew (that newer subscription sent its own join).
        if (ack.ok && !this.rooms.has(roomKey(room))) this.leave(room);
        return;
      }
      if (!ack.ok) {
        this.events.emit('roomError', { room, error: ack.error });
        return;
      }
      state.joined = true;
      ack.announce(this.events);
      this.deliverCatchUp(state, ack.messages);
      if (ack.hasMore) await this.catchUpFromHistory(state, generation);
    } finally {
      if (this.isCurrent(state, generation)) {
        state.catchingUp = false;
        state.lastSeenId = Math.max(state.lastSeenId, state.maxDelivered);
      }
    }
  }

  /** Pages through REST history after the ack, until nothing is missing. */
  private async catchUpFromHistory(state: RoomState, generation: number) {
    const limit = this.options.catchUpPageSize ?? 100;
    const kind = ROOM_KINDS[state.room.kind];
    for (let failures = 0; ;) {
      if (!this.isCurrent(state, generation)) return;
      try {
        const query = { after: state.lastSeenId, limit };
        const page = await kind.history(this.options.api, state.room.id, query);
        this.deliverCatchUp(state, page.items);
        if (!page.hasMore || page.items.length === 0) return;
      } catch (error) {
        failures += 1;
        if (isApiError(error) && !isTransientError(error.code)) {
          this.events.emit('roomError', {
            room: state.room,
            error: { code: error.code, message: error.message },
          });
          return;
        }
        // The next reconnect resumes from lastSeenId; meanwhile try a few more times.
        if (failures >= 3) return;
        await new Promise((resolve) => setTimeout(resolve, 500 * failures));
      }
    }
  }

  private deliverCatchUp(state: RoomState, messages: ChatMessage[]) {
    if (messages.length === 0) return;
    // Catch-up pages are contiguous: everything up to their last id is now known.
    state.lastSeenId = Math.max(state.lastSeenId, maxId(messages));
    state.maxDelivered = Math.max(state.maxDelivered, state.lastSeenId);
    this.deliver(state.room, messages);
  }

  private deliver(room: RoomRef, messages: ChatMessage[]) {
    const state = this.rooms.get(roomKey(room));
    const fresh = state ? messages.filter((m) => !state.recentIds.has(m.id)) : messages;
    if (state) {
      for (const message of fresh) state.recentIds.add(message.id);
      // Keep what a rejoin could send again, and drop the rest.
      const floor = state.lastSeenId - 4 * REJOIN_OVERLAP;
      if (state.recentIds.size > 8 * REJOIN_OVERLAP) {
        for (const id of state.recentIds) if (id < floor) state.recentIds.delete(id);
      }
    }
    for (const message of messages) {
      if (message.clientId) this.options.onOwnMessage(message.clientId);
    }
    if (fresh.length > 0) this.events.emit('messages', { room, messages: fresh });
  }
}
