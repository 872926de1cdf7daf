import { describe, expect, it } from 'vitest';
import { withToast, type Toast } from './toasts';

const toast = (id: number, to = `/matches/${id}`): Toast => ({ id, text: `news ${id}`, to });

describe('match toasts', () => {
  it('shows no toast that points at the page the user is on', () => {
    expect(withToast([], toast(1, '/matches/1'), '/matches/1')).toEqual([]);
    expect(withToast([], toast(1, '/matches/1'), '/events')).toEqual([toast(1, '/matches/1')]);
  });

  it('keeps the three newest, each once', () => {
    let list: Toast[] = [];
    for (const id of [1, 2, 3, 4]) list = withToast(list, toast(id), '/events');
    expect(list.map((t) => t.id)).toEqual([2, 3, 4]);
    expect(withToast(list, toast(3), '/events').map((t) => t.id)).toEqual([2, 4, 3]);
  });
});
