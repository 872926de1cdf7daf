import { createSHA256, type IHasher } from 'hash-wasm';

/**
 * SHA-256 in two flavours. A block (at most a few MiB, already in memory) goes to WebCrypto,
 * which is native and fast. The whole file goes through an incremental WASM hasher, because
 * WebCrypto cannot hash a stream; its state can be saved so a reload resumes hashing.
 */

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += HEX[byte];
  return out;
}

/** SHA-256 of bytes in memory, lowercase hex. WebCrypto copies the input at call time. */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(digest));
}

export interface IncrementalSha256 {
  update(data: Uint8Array): void;
  /** The digest so far as hex; the hasher may be updated further afterwards. */
  digestHex(): string;
  /** Opaque state that `load` restores, so hashing can continue after a reload. */
  save(): Uint8Array;
  load(state: Uint8Array): void;
  reset(): void;
}

/** A new incremental SHA-256 (hash-wasm; its WASM ships inside the npm package). */
export async function createIncrementalSha256(): Promise<IncrementalSha256> {
  const hasher: IHasher = await createSHA256();
  hasher.init();
  return {
    update: (data) => void hasher.update(data),
    digestHex() {
      // digest() ends the hasher, so digest a copy of the state and keep going from the original.
      const state = hasher.save();
      const hex = hasher.digest('hex');
      hasher.load(state);
      return hex;
    },
    save: () => hasher.save(),
    load: (state) => void hasher.load(state),
    reset: () => void hasher.init(),
  };
}
