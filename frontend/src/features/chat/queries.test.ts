import type { UserSummary } from '@spotlight/contracts';
import { describe, expect, it } from 'vitest';
import { othersHere } from './queries';

const user = (id: number): UserSummary => ({
  id,
  username: `dancer${id}`,
  displayName: null,
  avatar: null,
});

describe('"Here now": the count and the list agree', () => {
  it('leaves the viewer out, so two in the room is "Here now (1)" with one dancer listed', () => {
    const others = othersHere([user(1), user(2)], 1)!;
    expect(others.map((u) => u.id)).toEqual([2]);
    expect(others.length).toBe(1);
  });

  it('counts a dancer on two phones once', () => {
    expect(othersHere([user(2), user(3), user(2), user(1)], 1)!.map((u) => u.id)).toEqual([2, 3]);
  });

  it('knows nothing before the room answers', () => {
    expect(othersHere(undefined, 1)).toBeUndefined();
    expect(othersHere([user(1)], 1)).toEqual([]);
  });
});
