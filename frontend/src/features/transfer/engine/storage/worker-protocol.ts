import type { PipelineOptions } from './block-pipeline';

/** Messages from the page to the OPFS worker. `id` names one open file, `req` one request. */
export type ToWorker =
  | { op: 'probe'; req: number }
  | { op: 'open'; id: number; transferId: string; index: number; options: PipelineOptions }
  | { op: 'expect'; id: number; block: number; sha256: string }
  | { op: 'chunk'; id: number; offset: number; buffer: ArrayBuffer; start: number; length: number }
  | { op: 'fileEnd'; id: number; sha256: string }
  | { op: 'restart'; id: number }
  | { op: 'idle'; id: number; req: number }
  | { op: 'close'; id: number; req: number };

/** Messages from the OPFS worker to the page. */
export type FromWorker =
  | { ev: 'reply'; req: number; ok: boolean; error?: string }
  | { ev: 'written'; id: number; bytes: number }
  | { ev: 'verified'; id: number; block: number; hashedUpTo: number; hashState: Uint8Array }
  | { ev: 'corrupt'; id: number; block: number; reason: 'hash_mismatch' | 'malformed' }
  | { ev: 'complete'; id: number; sha256: string }
  | { ev: 'mismatch'; id: number; actual: string; expected: string }
  | { ev: 'failed'; id: number; message: string };

/** The OPFS directory that holds one folder per transfer. */
export const OPFS_ROOT = 'spotlight-transfers';
