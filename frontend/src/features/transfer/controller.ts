import i18next from 'i18next';
import {
  buildTelemetry,
  isFinal,
  type IncomingTransfer,
  type Transfer,
  type TransferSession,
  type TransferSnapshot,
} from './engine';
import { Observable } from './engine/observable';
import {
  BUSY_PHASES,
  type ConnectionLike,
  type ControllerDeps,
  type ControllerState,
  fallbackReason,
  initialConnection,
  isReceivedVideo,
  type WakeLockHandle,
} from './controller-types';
import { identify, sameFiles } from './resume';

export * from './controller-types';

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
      hidden: false,
      everConnected: false,
      notice: null,
      reopen: [],
      cleared: [],
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

  /**
   * Offers files to the partner; an empty file is refused. Files that a transfer interrupted
   * by a reload was sending (same name, size, date and first block) resume that transfer.
   */
  async send(files: readonly File[]): Promise<string | null> {
    if (!this.session || files.length === 0) return null;
    const empty = files.find((f) => f.size === 0);
    if (empty) {
      this.patch({
        notice: empty.name
          ? i18next.t('transfer.notice.empty', { name: empty.name })
          : i18next.t('transfer.notice.emptyUnnamed'),
      });
      return null;
    }
    this.patch({ notice: null });
    const records = this.deps.sentRecords;
    if (!records) return this.session.send(files).id;
    const ids = await Promise.all(files.map((f) => identify(f)));
    const known = records.list().find((r) => sameFiles(r.files, ids));
    const transfer = this.session.send(files, known?.id);
    records.put({ id: transfer.id, startedAt: known?.startedAt ?? Date.now(), files: ids });
    this.refresh();
    return transfer.id;
  }

  /** Gives up a transfer interrupted by a reload (its files are not picked again). */
  forget(id: string): void {
    this.deps.sentRecords?.remove(id);
    this.refresh();
  }

  /** Hides the finished transfers from the list (received videos stay under Videos). */
  clearFinished(): void {
    const done = this.state
      .getSnapshot()
      .transfers.filter((t) => isFinal(t.phase) && !isReceivedVideo(t))
      .map((t) => t.id);
    this.patch({ cleared: [...new Set([...this.state.getSnapshot().cleared, ...done])] });
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

  /**
   * The page was hidden or frozen (a phone in the background), or is visible again. Hidden,
   * the transfers pause where they are (nothing is sent or written while frozen, and the
   * partner's window waits for acks); visible again, they continue by themselves: the wake lock
   * is taken again (browsers drop it when hidden), and a connection that did not survive the
   * pause is negotiated anew.
   */
  setHidden(hidden: boolean): void {
    if (this.disposed) return;
    this.patch({ hidden });
    if (hidden) return;
    void this.updateWakeLock();
    const phase = this.connection?.state.getSnapshot().phase;
    if (phase === 'closed' || phase === 'reconnecting' || phase === 'idle') {
      void this.connection?.reconnect?.();
    }
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
      if (snap.direction === 'send') this.deps.sentRecords?.remove(transfer.id);
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
    const live = new Set(this.byId.keys());
    const reopen = this.session
      ? (this.deps.sentRecords?.list() ?? [])
          .filter((r) => !live.has(r.id))
          .map((r) => ({ id: r.id, names: r.files.map((f) => f.name) }))
      : [];
    const previous = this.state.getSnapshot().reopen;
    this.patch({
      connection,
      link,
      everConnected: this.state.getSnapshot().everConnected || connection.phase === 'connected',
      reopen: JSON.stringify(previous) === JSON.stringify(reopen) ? previous : reopen,
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
