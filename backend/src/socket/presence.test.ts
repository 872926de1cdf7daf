import type { UserSummary } from '@spotlight/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Presence, type PresenceMessage } from './presence';

const user = (id: number): UserSummary => ({
  id,
  username: `dancer${id}`,
  displayName: null,
  avatar: null,
});
const ids = (presence: Presence, eventId = 1) => presence.list(eventId).map((u) => u.id);

const GRACE = 10_000;
const HEARTBEAT = 5_000;

/**
 * Processes linked as the Redis adapter links them: every message goes to every other
 * process, in order. `drop` loses the next message of a kind, as a flaky link would.
 */
function cluster() {
  const nodes = new Map<string, Presence>();
  const changes: number[] = [];
  const dead = new Set<string>();
  let dropNext: PresenceMessage['type'] | undefined;
  const start = (id: string) => {
    const node = new Presence({
      nodeId: id,
      graceMs: GRACE,
      heartbeatMs: HEARTBEAT,
      publish: (message) => {
        if (dead.has(id)) return;
        if (dropNext === message.type) {
          dropNext = undefined;
          return;
        }
        for (const [other, peer] of nodes) if (other !== id) peer.receive(message);
      },
      onChange: (eventId) => changes.push(eventId),
    });
    nodes.set(id, node);
    node.start();
    return node;
  };
  return {
    start,
    changes,
    drop: (type: PresenceMessage['type']) => (dropNext = type),
    /** The process dies without a word. */
    kill: (id: string) => {
      dead.add(id);
      nodes.get(id)!.close();
      nodes.delete(id);
    },
    close: () => {
      for (const node of nodes.values()) node.close();
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Presence on one process', () => {
  it('counts a user once across sockets, and keeps them for the grace period', () => {
    const changes: number[] = [];
    const presence = new Presence({
      nodeId: 'a',
      graceMs: GRACE,
      onChange: (e) => changes.push(e),
    });
    presence.join(1, 's1', user(7));
    presence.join(1, 's2', user(7));
    presence.join(1, 's3', user(8));
    expect(ids(presence)).toEqual([7, 8]);
    expect(changes).toEqual([1, 1]);

    presence.leave(1, 's1', 7);
    presence.leave(1, 's2', 7);
    vi.advanceTimersByTime(GRACE - 1);
    expect(ids(presence)).toEqual([7, 8]);
    // Back within the grace period: nothing changed for anyone.
    presence.join(1, 's4', user(7));
    vi.advanceTimersByTime(GRACE * 2);
    expect(ids(presence)).toEqual([7, 8]);
    expect(changes).toEqual([1, 1]);

    presence.leave(1, 's4', 7);
    vi.advanceTimersByTime(GRACE);
    expect(ids(presence)).toEqual([8]);
    expect(changes).toEqual([1, 1, 1]);
    presence.close();
  });

  it('forgets a user who left the event without waiting', () => {
    const presence = new Presence({ nodeId: 'a', graceMs: GRACE, onChange: () => {} });
    presence.join(1, 's1', user(7));
    presence.leave(1, 's1', 7);
    presence.forget(1, 7);
    expect(ids(presence)).toEqual([]);
    presence.close();
  });
});

describe('Presence across processes', () => {
  it('merges what every process holds; a user on two processes counts once', () => {
    const c = cluster();
    const [a, b] = [c.start('a'), c.start('b')];
    a.join(1, 's1', user(7));
    b.join(1, 's2', user(8));
    b.join(1, 's3', user(7));
    expect(ids(a)).toEqual([7, 8]);
    expect(ids(b)).toEqual([7, 8]);
    // What the REST list of an event's dancers asks (online): the same merged view.
    expect([a.has(1, 8), b.has(1, 7), a.has(2, 8), a.has(1, 9)]).toEqual([
      true,
      true,
      false,
      false,
    ]);

    a.leave(1, 's1', 7);
    vi.advanceTimersByTime(GRACE);
    // Still on b.
    expect(ids(a)).toEqual([7, 8]);
    b.leave(1, 's3', 7);
    vi.advanceTimersByTime(GRACE);
    expect(ids(a)).toEqual([8]);
    expect(ids(b)).toEqual([8]);
    expect(a.has(1, 7)).toBe(false);
    c.close();
  });

  it('gives a process that starts later a snapshot of the others', () => {
    const c = cluster();
    const a = c.start('a');
    a.join(1, 's1', user(7));
    a.join(2, 's1', user(7));
    const b = c.start('b');
    expect(ids(b, 1)).toEqual([7]);
    expect(ids(b, 2)).toEqual([7]);
    c.close();
  });

  it('repairs a lost update at the next heartbeat', () => {
    const c = cluster();
    const [a, b] = [c.start('a'), c.start('b')];
    a.join(1, 's1', user(7));
    c.drop('update');
    a.join(1, 's2', user(8));
    expect(ids(b)).toEqual([7]);
    vi.advanceTimersByTime(HEARTBEAT);
    expect(ids(b)).toEqual([7, 8]);
    c.close();
  });

  it('drops the users of a process that went silent, and of one that said goodbye after the grace', () => {
    const c = cluster();
    const [a, b, d] = [c.start('a'), c.start('b'), c.start('d')];
    b.join(1, 's1', user(8));
    d.join(1, 's2', user(9));
    expect(ids(a)).toEqual([8, 9]);

    c.kill('b');
    vi.advanceTimersByTime(HEARTBEAT * 4);
    expect(ids(a)).toEqual([9]);

    d.close();
    vi.advanceTimersByTime(GRACE - 1);
    expect(ids(a)).toEqual([9]);
    vi.advanceTimersByTime(1);
    expect(ids(a)).toEqual([]);
    c.close();
  });
});
