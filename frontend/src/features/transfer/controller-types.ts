/** The transfer controller's dependencies and state (controller.ts), and what derives from it. */
import type { TransferTelemetryBody, VideoRecord } from '@spotlight/contracts';
import type {
  ConnectionState,
  SessionLinkState,
  StorageInfo,
  TransferSession,
  TransferSnapshot,
} from './engine';
import type { Observable } from './engine/observable';
import type { SentRecordStore } from './resume';

/** The part of PeerConnectionManager the controller uses (tests pass a stand-in). */
export interface ConnectionLike {
  readonly state: Observable<ConnectionState>;
  close(): void;
  /** Drops the peer connection and negotiates a new one. */
  reconnect?(): Promise<void>;
}

export interface WakeLockHandle {
  release(): Promise<void>;
}

export interface ControllerDeps {
  matchId: number;
  /** Opens the engine session for this partner (restoring unfinished transfers). */
  openSession(): Promise<{ session: TransferSession; storage: StorageInfo }>;
  /** Connects the session to the partner through the match's signaling. */
  connect(session: TransferSession): ConnectionLike;
  postTelemetry(body: TransferTelemetryBody): Promise<unknown>;
  /** Posts the private-chat record of a delivered video (type `video`, no content). */
  postVideoMessage(record: VideoRecord): void;
  /** A screen wake lock, or null where the browser has none or refuses. */
  requestWakeLock(): Promise<WakeLockHandle | null>;
  /** What this device sent and has not finished, kept across reloads (none: no resume). */
  sentRecords?: SentRecordStore;
}

/** A transfer this device was sending before a reload: its files must be picked again. */
export interface ReopenNeeded {
  id: string;
  names: string[];
}

/** Why the UI offers the link instead of (or besides) the phone-to-phone transfer. */
export type FallbackReason =
  /** No connection within the timeout, or it was lost and did not come back. */
  | 'no_connection'
  /** The partner's app speaks another protocol version. */
  | 'incompatible'
  /** A transfer failed for good. */
  | 'failed';

export interface ControllerState {
  phase: 'opening' | 'ready' | 'error';
  error: string | null;
  connection: ConnectionState;
  link: SessionLinkState;
  storage: StorageInfo;
  /** Every transfer with this partner, newest first. */
  transfers: readonly TransferSnapshot[];
  fallback: FallbackReason | null;
  /** A transfer is running or waiting to resume: keep the app open and the screen on. */
  busy: boolean;
  wakeLock: 'held' | 'off' | 'unavailable';
  /** The page is hidden or frozen: transfers pause and continue once it is visible again. */
  hidden: boolean;
  /** The phones were connected at least once (before that, nothing was "lost"). */
  everConnected: boolean;
  /** Why the last pick was refused, for the person to read. */
  notice: string | null;
  reopen: readonly ReopenNeeded[];
  /** Finished transfers the person cleared from the list. */
  cleared: readonly string[];
}

export const BUSY_PHASES: readonly TransferSnapshot['phase'][] = [
  'offering',
  'transferring',
  'paused',
  'verifying',
];

export const initialConnection: ConnectionState = {
  phase: 'idle',
  path: 'unknown',
  fallbackSuggested: false,
  restarts: 0,
};

/** A video that arrived here: it stays on the match (play, save, share) for good. */
export const isReceivedVideo = (t: TransferSnapshot) =>
  t.direction === 'receive' && t.phase === 'completed';

/** Whether, and why, to offer the link: no connection in time, another version, or a failure. */
export function fallbackReason(
  connection: ConnectionState,
  link: SessionLinkState,
  transfers: readonly TransferSnapshot[],
): FallbackReason | null {
  if (link === 'incompatible') return 'incompatible';
  if (connection.fallbackSuggested && connection.phase !== 'connected') return 'no_connection';
  const newest = transfers[0];
  if (newest?.phase === 'failed') return 'failed';
  return null;
}
