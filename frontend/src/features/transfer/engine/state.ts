import type { DcErrorCode } from '@spotlight/contracts';
import type { SpaceCheck, StoreKind } from './storage/receive-store';

export type TransferDirection = 'send' | 'receive';

export type TransferPhase =
  /** Sender: the offer is out, waiting for the partner to accept or decline. */
  | 'offering'
  /** Receiver: an offer waits for this person to accept or decline. */
  | 'incoming'
  | 'transferring'
  /** The connection dropped; it continues by itself from the first missing block. */
  | 'paused'
  /** Every byte is in; the whole-file hash is being checked. */
  | 'verifying'
  | 'completed'
  | 'declined'
  | 'cancelled'
  | 'failed';

export const FINAL_PHASES: readonly TransferPhase[] = [
  'completed',
  'declined',
  'cancelled',
  'failed',
];

export type TransferErrorCode =
  DcErrorCode | 'channel_closed' | 'read_error' | 'cancelled_by_peer' | 'declined_by_peer';

export interface TransferFileState {
  index: number;
  name: string;
  size: number;
  mimeType: string;
  /** Bytes of this file verified by the receiver. */
  bytesDone: number;
  complete: boolean;
  /** The whole-file SHA-256, once verified. */
  sha256?: string;
}

/** Everything the UI shows of one transfer. A new object on every change. */
export interface TransferSnapshot {
  id: string;
  direction: TransferDirection;
  phase: TransferPhase;
  files: TransferFileState[];
  totalBytes: number;
  /** Bytes verified by the receiver (hash checked, on disk): what progress shows. */
  bytesDone: number;
  /** Chunk bytes sent or received, including any sent twice. */
  bytesMoved: number;
  /** Chunk bytes that crossed the channel more than once (after a drop or a failed block). */
  bytesResent: number;
  /** 0..1 */
  progress: number;
  /** Smoothed, bytes per second; null until measured. */
  speed: number | null;
  /** Seconds left; null while unknown. */
  eta: number | null;
  resumes: number;
  startedAt: number;
  finishedAt: number | null;
  error: { code: TransferErrorCode; message: string } | null;
  /** Receiver: where the files go, and the most that store takes (null: only free space). */
  storage?: { kind: StoreKind; maxFileSize: number | null };
  /** Receiver: the free-space check made when the offer arrived. */
  space?: SpaceCheck;
}

export const isFinal = (phase: TransferPhase) => FINAL_PHASES.includes(phase);
