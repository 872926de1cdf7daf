import type { TransferTelemetryBody, VideoRecord } from '@spotlight/contracts';
import {
  buildTelemetry,
  type ConnectionState,
  isFinal,
  type IncomingTransfer,
  type SessionLinkState,
  type StorageInfo,
  type Transfer,
  type TransferSession,
  type TransferSnapshot,
} from './engine';
import { Observable } from './engine/observable';

/** The part of PeerConnectionManager the controller uses (tests pass a stand-in). */
export interface ConnectionLike {
  readonly state: Observable<ConnectionState>;
  close(): void;
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
}

const BUSY_PHASES: readonly TransferSnapshot['phase'][] = [
  'offering',
  'transferring',
  'paused',
  'verifying',
];

const initialConnection: ConnectionState = {
  phase: 'idle',
  path: 'unknown',
  fallbackSuggested: false,
  restarts: 0,
};

/**
 * Owns the transfer engine for one match, outside React: the session, the connection, and
 * what follows a transfer's outcome (telemetry, the `video` chat record, the wake lock). React
 * reads `state` with useSyncExternalStore and calls the actions.
 */
export class TransferController {
  readonly state: Observable<ControllerState>;
  private session: TransferSession | null = null;
  private connection: ConnectionLike | null = null;
  private readonly byId = new Map<string, Transfer>();
  private readonly watched = new Map<string, () => void>();
  /** Transfers whose outcome was handled (or that were already final when first seen). */
  private readonly settled = new Set<string>();
  private readonly offs: (() => void)[] = [];
  private wakeLock: WakeLockHandle | null = null;
  private wakeLockPending = false;
  private disposed = false;

  constructor(private readonly deps: ControllerDeps) {
    this.state = new Observable<ControllerState>({
      phase: 'opening',
      error: null,
      connection: initialConnection,
      link: 'detached',
      storage: null,
      transfers: [],
      fallback: null,
      busy: false,
      wakeLock: 'off',
    });
  }

  /** Opens the session and connects; resolves once the session is open. */
  async start(): Promise<void> {
    let opened: Awaited<ReturnType<ControllerDeps['openSession']>>;
    try {
      opened = await this.deps.openSession();
    } catch (error) {
      this.patch({ phase: 'error', error: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (this.disposed) return opened.session.dispose();
    const { session, storage } = opened;
    this.session = session;
    // Transfers restored already final (a reload after completion) were reported before.
    for (const t of session.transfers.getSnapshot()) {
      if (isFinal(t.snapshot.phase)) this.settled.add(t.id);
    }
    this.offs.push(
      session.transfers.subscribe(() => this.syncTransfers()),
      session.link.subscribe(() => this.refresh()),
    );
    this.connection = this.deps.connect(session);
    this.offs.push(this.connection.state.subscribe(() => this.refresh()));
    this.patch({ phase: 'ready', storage });
    this.syncTransfers();
  }

  /** Offers files to the partner. */
  send(files: readonly File[]): string | null {
    if (!this.session || files.length === 0) return null;
    return this.session.send(files).id;
  }

  accept(id: string): Promise<void> {
    return this.incoming(id)?.accept() ?? Promise.resolve();
  }

  decline(id: string): void {
    this.incoming(id)?.decline();
  }

  async cancel(id: string): Promise<void> {
    await this.byId.get(id)?.cancel();
  }

  /** A received file, disk-backed, for a download or the share sheet. */
  getFile(id: string, index: number): Promise<File> {
    const transfer = this.incoming(id);
    if (!transfer) return Promise.reject(new Error('No such received transfer'));
    return transfer.getFile(index);
  }

  /** Re-takes the wake lock if a transfer runs (browsers drop it when the page is hidden). */
  syncWakeLock(): void {
    void this.updateWakeLock();
  }

  dispose(): void {
    this.disposed = true;
    this.offs.forEach((off) => off());
    this.watched.forEach((off) => off());
    this.watched.clear();
    this.connection?.close();
    this.session?.dispose();
    void this.wakeLock?.release().catch(() => undefined);
    this.wakeLock = null;
  }

  private incoming(id: string): IncomingTransfer | null {
    const transfer = this.byId.get(id);
    return transfer && transfer.snapshot.direction === 'receive'
      ? (transfer as IncomingTransfer)
      : null;
  }

  private syncTransfers(): void {
    if (!this.session) return;
    for (const transfer of this.session.transfers.getSnapshot()) {
      if (this.watched.has(transfer.id)) continue;
      this.byId.set(transfer.id, transfer);
      this.watched.set(
        transfer.id,
        transfer.state.subscribe(() => this.handleTransferChange(transfer)),
      );
      this.handleTransferChange(transfer);
    }
    this.refresh();
  }

  private handleTransferChange(transfer: Transfer): void {
    const snap = transfer.snapshot;
    if (isFinal(snap.phase) && !this.settled.has(transfer.id)) {
      this.settled.add(transfer.id);
      this.handleOutcome(snap);
    }
    this.refresh();
  }

  /** Once per transfer: telemetry for every outcome, and the chat record of a sent video. */
  private handleOutcome(snap: TransferSnapshot): void {
    const path = this.connection?.state.getSnapshot().path ?? 'unknown';
    const body = buildTelemetry(snap, { matchId: this.deps.matchId, connection: path });
    if (body) void this.deps.postTelemetry(body).catch(() => undefined);
    if (snap.direction !== 'send' || snap.phase !== 'completed') return;
    for (const file of snap.files) {
      if (!file.sha256) continue;
      this.deps.postVideoMessage({
        name: file.name.slice(0, 255) || 'video',
        size: file.size,
        sha256: file.sha256,
        ...(file.mimeType ? { mimeType: file.mimeType.slice(0, 100) } : {}),
      });
    }
  }

  private refresh(): void {
    const transfers = [...this.byId.values()]
      .map((t) => t.snapshot)
      .sort((a, b) => b.startedAt - a.startedAt);
    const connection = this.connection?.state.getSnapshot() ?? initialConnection;
    const link = this.session?.link.getSnapshot() ?? 'detached';
    this.patch({
      connection,
      link,
      transfers,
      fallback: fallbackReason(connection, link, transfers),
      busy: transfers.some((t) => BUSY_PHASES.includes(t.phase)),
    });
    void this.updateWakeLock();
  }

  private async updateWakeLock(): Promise<void> {
    const { busy } = this.state.getSnapshot();
    if (!busy && this.wakeLock) {
      const lock = this.wakeLock;
      this.wakeLock = null;
      this.patch({ wakeLock: 'off' });
      await lock.release().catch(() => undefined);
      return;
    }
    if (!busy || this.wakeLock || this.wakeLockPending || this.disposed) return;
    this.wakeLockPending = true;
    const lock = await this.deps.requestWakeLock().catch(() => null);
    this.wakeLockPending = false;
    if (!lock) return this.patch({ wakeLock: 'unavailable' });
    this.wakeLock = lock;
    this.patch({ wakeLock: 'held' });
    // The transfer may have ended while the lock was being granted.
    if (!this.state.getSnapshot().busy || this.disposed) void this.updateWakeLock();
  }

  private patch(next: Partial<ControllerState>): void {
    const current = this.state.getSnapshot();
    const changed = (Object.keys(next) as (keyof ControllerState)[]).some(
      (key) => !Object.is(current[key], next[key]),
    );
    if (changed) this.state.set({ ...current, ...next });
  }
}

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
