/**
 * Who is in each event room right now, across every backend process.
 *
 * Each process knows its own sockets. A user is "held" by a process while one of their
 * sockets is in the room, and for a grace period after the last one leaves (a phone that drops
 * for a few seconds does not flicker out of the list). Processes tell each other when they
 * start or stop holding a user, so that every process has the same merged view and can answer
 * `join_event_room` and push `active_users` to its own sockets without asking anyone.
 *
 * Messages between processes go through the Socket.IO Redis adapter, which is at-most-once:
 * updates carry a per-process sequence number, and heartbeats repeat it, so that a gap is
 * noticed and repaired with a snapshot of that process. A process that stops sending
 * heartbeats is dropped, with everyone it held.
 */
import type { UserSummary } from '@spotlight/contracts';
import type { PresenceEntry, PresenceMessage, PresenceOptions } from './presence-messages';

export type { PresenceMessage, PresenceOptions } from './presence-messages';

interface LocalHold {
  sockets: Set<string>;
  user: UserSummary;
  /** Running while the user has no socket here but is still held (grace period). */
  grace?: NodeJS.Timeout;
}

interface ViewEntry {
  user: UserSummary;
  /** The processes holding this user in this event. */
  nodes: Set<string>;
}

interface PeerState {
  seq: number;
  lastSeen: number;
  departing?: NodeJS.Timeout;
}

const sameSummary = (a: UserSummary, b: UserSummary) =>
  a.username === b.username && a.displayName === b.displayName && a.avatar === b.avatar;

export class Presence {
  private readonly local = new Map<number, Map<number, LocalHold>>();
  private readonly view = new Map<number, Map<number, ViewEntry>>();
  private readonly lists = new Map<number, UserSummary[]>();
  private readonly peers = new Map<string, PeerState>();
  private readonly syncRequested = new Map<string, number>();
  private heartbeat?: NodeJS.Timeout;
  private readonly heartbeatMs: number;
  private seq = 0;
  private closed = false;

  constructor(private readonly options: PresenceOptions) {
    this.heartbeatMs = options.heartbeatMs ?? 5_000;
  }

  /** Starts talking to the other processes, once this one listens to them. */
  start(): void {
    if (!this.options.publish || this.heartbeat || this.closed) return;
    this.heartbeat = setInterval(() => this.tick(), this.heartbeatMs);
    this.heartbeat.unref();
    // Ask the processes already running for what they hold.
    this.options.publish({ type: 'sync', node: this.options.nodeId, target: null });
  }

  /** The users present in an event, each once. */
  list(eventId: number): UserSummary[] {
    let list = this.lists.get(eventId);
    if (!list) {
      list = [...(this.view.get(eventId)?.values() ?? [])].map((entry) => entry.user);
      this.lists.set(eventId, list);
    }
    return list;
  }

  /** Whether the user is present in the event, on this process or another. */
  has(eventId: number, userId: number): boolean {
    return this.view.get(eventId)?.has(userId) ?? false;
  }

  size(eventId: number): number {
    return this.view.get(eventId)?.size ?? 0;
  }

  /** A socket of this process entered an event room. */
  join(eventId: number, socketId: string, user: UserSummary): void {
    if (this.closed) return;
    let users = this.local.get(eventId);
    if (!users) this.local.set(eventId, (users = new Map()));
    const hold = users.get(user.id);
    if (!hold) {
      users.set(user.id, { sockets: new Set([socketId]), user });
      this.hold(eventId, user, this.options.nodeId);
      this.announce(eventId, user, true);
      return;
    }
    hold.sockets.add(socketId);
    if (hold.grace) clearTimeout(hold.grace);
    hold.grace = undefined;
    if (!sameSummary(hold.user, user)) {
      hold.user = user;
      this.hold(eventId, user, this.options.nodeId);
      this.announce(eventId, user, true);
    }
  }

  /** A socket of this process left an event room (or disconnected). */
  leave(eventId: number, socketId: string, userId: number): void {
    if (this.closed) return;
    const hold = this.local.get(eventId)?.get(userId);
    if (!hold || !hold.sockets.delete(socketId) || hold.sockets.size > 0) return;
    if (this.options.graceMs <= 0) {
      this.release(eventId, userId);
      return;
    }
    hold.grace = setTimeout(() => this.release(eventId, userId), this.options.graceMs);
    hold.grace.unref();
  }

  /** The user left the event itself: no grace period, on every process. */
  forget(eventId: number, userId: number): void {
    if (this.closed) return;
    this.releaseIfIdle(eventId, userId);
    this.options.publish?.({ type: 'forget', node: this.options.nodeId, eventId, userId });
  }

  /** A message from another process. */
  receive(message: PresenceMessage): void {
    if (this.closed || message.node === this.options.nodeId) return;
    const { node } = message;
    switch (message.type) {
      case 'update': {
        const peer = this.peers.get(node);
        const expected = peer ? peer.seq + 1 : 1;
        this.seen(node, message.seq);
        if (message.seq !== expected) this.requestSync(node);
        if (message.present) this.hold(message.eventId, message.user, node);
        else this.drop(message.eventId, message.user.id, node);
        return;
      }
      case 'heartbeat': {
        const peer = this.peers.get(node);
        if (!peer || peer.seq !== message.seq) this.requestSync(node);
        if (peer) peer.lastSeen = Date.now();
        return;
      }
      case 'sync':
        if (message.target === null || message.target === this.options.nodeId) this.sendSnapshot();
        return;
      case 'snapshot':
        this.replace(node, message.entries);
        this.seen(node, message.seq);
        return;
      case 'forget':
        this.releaseIfIdle(message.eventId, message.userId);
        return;
      case 'down': {
        // Its users are probably reconnecting to another process: give them the grace period.
        const peer = this.peers.get(node);
        if (!peer || peer.departing) return;
        peer.departing = setTimeout(() => this.removePeer(node), this.options.graceMs);
        peer.departing.unref();
        return;
      }
    }
  }

  /** Stops: tells the other processes, and keeps no timer running. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const users of this.local.values()) {
      for (const hold of users.values()) if (hold.grace) clearTimeout(hold.grace);
    }
    for (const peer of this.peers.values()) if (peer.departing) clearTimeout(peer.departing);
    this.options.publish?.({ type: 'down', node: this.options.nodeId });
  }

  private announce(eventId: number, user: UserSummary, present: boolean) {
    this.options.publish?.({
      type: 'update',
      node: this.options.nodeId,
      seq: ++this.seq,
      eventId,
      user,
      present,
    });
  }

  /** Ends this process's hold on a user whose grace period ran out. */
  private release(eventId: number, userId: number) {
    const users = this.local.get(eventId);
    const hold = users?.get(userId);
    if (!users || !hold || hold.sockets.size > 0) return;
    if (hold.grace) clearTimeout(hold.grace);
    users.delete(userId);
    if (users.size === 0) this.local.delete(eventId);
    this.drop(eventId, userId, this.options.nodeId);
    this.announce(eventId, hold.user, false);
  }

  private releaseIfIdle(eventId: number, userId: number) {
    const hold = this.local.get(eventId)?.get(userId);
    if (hold && hold.sockets.size === 0) this.release(eventId, userId);
  }

  private hold(eventId: number, user: UserSummary, node: string) {
    let users = this.view.get(eventId);
    if (!users) this.view.set(eventId, (users = new Map()));
    const entry = users.get(user.id);
    if (!entry) {
      users.set(user.id, { user, nodes: new Set([node]) });
      this.changed(eventId);
      return;
    }
    entry.nodes.add(node);
    if (!sameSummary(entry.user, user)) {
      entry.user = user;
      this.changed(eventId);
    }
  }

  private drop(eventId: number, userId: number, node: string) {
    const users = this.view.get(eventId);
    const entry = users?.get(userId);
    if (!users || !entry || !entry.nodes.delete(node) || entry.nodes.size > 0) return;
    users.delete(userId);
    if (users.size === 0) this.view.delete(eventId);
    this.changed(eventId);
  }

  private changed(eventId: number) {
    this.lists.delete(eventId);
    this.options.onChange(eventId);
  }

  private seen(node: string, seq: number) {
    const peer = this.peers.get(node);
    if (peer) {
      peer.seq = seq;
      peer.lastSeen = Date.now();
    } else {
      this.peers.set(node, { seq, lastSeen: Date.now() });
    }
  }

  /** Makes `node`'s holds exactly `entries` (from its snapshot). */
  private replace(node: string, entries: PresenceEntry[]) {
    const keep = new Set(entries.map((e) => `${e.eventId}:${e.user.id}`));
    for (const [eventId, users] of [...this.view]) {
      for (const [userId, entry] of [...users]) {
        if (entry.nodes.has(node) && !keep.has(`${eventId}:${userId}`)) {
          this.drop(eventId, userId, node);
        }
      }
    }
    for (const entry of entries) this.hold(entry.eventId, entry.user, node);
  }

  private removePeer(node: string) {
    const peer = this.peers.get(node);
    if (peer?.departing) clearTimeout(peer.departing);
    this.peers.delete(node);
    this.syncRequested.delete(node);
    this.replace(node, []);
  }

  private requestSync(node: string) {
    // One request per peer every few seconds is enough; the snapshot answers all of them.
    const now = Date.now();
    if ((this.syncRequested.get(node) ?? 0) > now - 2_000) return;
    this.syncRequested.set(node, now);
    this.options.publish?.({ type: 'sync', node: this.options.nodeId, target: node });
  }

  private sendSnapshot() {
    const entries: PresenceEntry[] = [];
    for (const [eventId, users] of this.local) {
      for (const hold of users.values()) entries.push({ eventId, user: hold.user });
    }
    this.options.publish?.({ type: 'snapshot', node: this.options.nodeId, seq: this.seq, entries });
  }

  private tick() {
    this.options.publish?.({ type: 'heartbeat', node: this.options.nodeId, seq: this.seq });
    const silent = Date.now() - 3 * this.heartbeatMs;
    for (const [node, peer] of this.peers) {
      if (peer.lastSeen < silent && !peer.departing) this.removePeer(node);
    }
  }
}
