/** Positional reads and writes on one stored file: an OPFS sync handle, IndexedDB pages, memory. */
export interface RandomAccessFile {
  write(data: Uint8Array, at: number): void | Promise<void>;
  /** Reads into `into` from `at`; returns the bytes read (fewer at the end of the file). */
  read(into: Uint8Array, at: number): number | Promise<number>;
  truncate(size: number): void | Promise<void>;
  flush(): void | Promise<void>;
  close(): void | Promise<void>;
}

/** A growable in-memory file, for unit tests in Node. */
export class MemoryFile implements RandomAccessFile {
  private bytes: Uint8Array<ArrayBuffer> = new Uint8Array(0);
  private length = 0;
  writes = 0;

  get size(): number {
    return this.length;
  }

  write(data: Uint8Array, at: number): void {
    const end = at + data.byteLength;
    if (end > this.bytes.byteLength) {
      const grown = new Uint8Array(Math.max(end, this.bytes.byteLength * 2));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.bytes.set(data, at);
    this.length = Math.max(this.length, end);
    this.writes++;
  }

  read(into: Uint8Array, at: number): number {
    const n = Math.max(0, Math.min(into.byteLength, this.length - at));
    into.set(this.bytes.subarray(at, at + n));
    return n;
  }

  truncate(size: number): void {
    if (size < this.length) this.bytes.fill(0, size, this.length);
    this.length = size;
  }

  flush(): void {}
  close(): void {}

  /** A copy of the contents. */
  contents(): Uint8Array<ArrayBuffer> {
    return this.bytes.slice(0, this.length);
  }

  /** Flips a byte, to model a corrupted disk. */
  corrupt(at: number): void {
    this.bytes[at] = this.bytes[at]! ^ 0xff;
  }
}
