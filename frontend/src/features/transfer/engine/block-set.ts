import type { BlockRanges } from '@spotlight/contracts';

/** A set of block indices of one file, stored as a bitmap: 512 blocks of a 2 GB file = 64 bytes. */
export class BlockSet {
  private bits: Uint8Array;
  private count = 0;

  constructor(readonly size: number) {
    this.bits = new Uint8Array(Math.ceil(size / 8));
  }

  static fromRanges(size: number, ranges: BlockRanges): BlockSet {
    const set = new BlockSet(size);
    for (const [from, to] of ranges) for (let i = from; i < Math.min(to, size); i++) set.add(i);
    return set;
  }

  static full(size: number): BlockSet {
    return BlockSet.fromRanges(size, size > 0 ? [[0, size]] : []);
  }

  has(index: number): boolean {
    return index >= 0 && index < this.size && (this.bits[index >> 3]! & (1 << (index & 7))) !== 0;
  }

  add(index: number): boolean {
    if (index < 0 || index >= this.size || this.has(index)) return false;
    this.bits[index >> 3]! |= 1 << (index & 7);
    this.count++;
    return true;
  }

  delete(index: number): boolean {
    if (!this.has(index)) return false;
    this.bits[index >> 3]! &= ~(1 << (index & 7));
    this.count--;
    return true;
  }

  clear(): void {
    this.bits.fill(0);
    this.count = 0;
  }

  get length(): number {
    return this.count;
  }

  get complete(): boolean {
    return this.count === this.size;
  }

  /** The smallest index at or after `from` that is in the set, or -1. */
  nextIn(from = 0): number {
    for (let i = Math.max(0, from); i < this.size; i++) if (this.has(i)) return i;
    return -1;
  }

  /** The smallest index at or after `from` that is not in the set, or -1. */
  nextMissing(from = 0): number {
    for (let i = Math.max(0, from); i < this.size; i++) if (!this.has(i)) return i;
    return -1;
  }

  toRanges(): BlockRanges {
    return rangesOf(this.size, (i) => this.has(i));
  }

  /** The complement as ranges: what a receiver still needs. */
  missingRanges(): BlockRanges {
    return rangesOf(this.size, (i) => !this.has(i));
  }
}

function rangesOf(size: number, member: (i: number) => boolean): BlockRanges {
  const ranges: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= size; i++) {
    const inside = i < size && member(i);
    if (inside && start < 0) start = i;
    if (!inside && start >= 0) {
      ranges.push([start, i]);
      start = -1;
    }
  }
  return ranges;
}
