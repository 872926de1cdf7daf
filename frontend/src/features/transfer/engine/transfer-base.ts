import type { ControlMessage } from '@spotlight/contracts';
import type { TransferChannel } from './channel';
import { Observable } from './observable';
import { etaSeconds, SpeedMeter } from './speed';
import { isFinal, type TransferErrorCode, type TransferSnapshot } from './state';

/** What a transfer may use of the session while a channel is up. */
export interface Link {
  channel: TransferChannel;
  send(message: ControlMessage): void;
}

/** Counts bytes that cross the channel a second time, per block and position in the block. */
export class ResendCounter {
  private highest = new Map<string, number>();
  total = 0;

  /** Record `length` bytes at `position` within block `block` of file `file`; returns bytes re-sent. */
  add(file: number, block: number, position: number, length: number): number {
    const key = `${file}:${block}`;
    const before = this.highest.get(key) ?? 0;
    const again = Math.max(0, Math.min(before - position, length));
    this.highest.set(key, Math.max(before, position + length));
    this.total += again;
    return again;
  }
}

const PUBLISH_EVERY_MS = 100;

/** State, speed and publication shared by both directions. */
export abstract class TransferBase {
  readonly state: Observable<TransferSnapshot>;
  protected snap: TransferSnapshot;
  protected link: Link | null = null;
  private readonly speedMeter = new SpeedMeter();
  private publishTimer: ReturnType<typeof setTimeout> | null = null;

  protected constructor(
    initial: TransferSnapshot,
    protected readonly now: () => number = Date.now,
  ) {
    this.snap = initial;
    this.state = new Observable(this.freeze());
  }

  get id(): string {
    return this.snap.id;
  }

  get snapshot(): TransferSnapshot {
    return this.state.getSnapshot();
  }

  /** Resolves when the transfer reaches a final phase. */
  finished(): Promise<TransferSnapshot> {
    return new Promise((resolve) => {
      const check = () => {
        const snap = this.state.getSnapshot();
        if (!isFinal(snap.phase)) return;
        off();
        resolve(snap);
      };
      const off = this.state.subscribe(check);
      check();
    });
  }

  protected setPhase(
    phase: TransferSnapshot['phase'],
    error?: { code: TransferErrorCode; message: string },
  ): void {
    if (isFinal(this.snap.phase)) return;
    this.snap.phase = phase;
    if (error) this.snap.error = error;
    if (isFinal(phase)) this.snap.finishedAt = this.now();
    if (phase === 'paused') this.speedMeter.reset();
    this.publish(true);
  }

  protected get final(): boolean {
    return isFinal(this.snap.phase);
  }

  /** Publishes a new snapshot: at once, or coalesced to one every 100 ms for progress. */
  protected publish(immediate = false): void {
    if (immediate) {
      if (this.publishTimer) clearTimeout(this.publishTimer);
      this.publishTimer = null;
      this.state.set(this.freeze());
      return;
    }
    this.publishTimer ??= setTimeout(() => {
      this.publishTimer = null;
      this.state.set(this.freeze());
    }, PUBLISH_EVERY_MS);
  }

  private freeze(): TransferSnapshot {
    const s = this.snap;
    const speed = this.speedMeter.sample(s.bytesMoved, this.now());
    const done = s.phase === 'completed';
    return {
      ...s,
      files: s.files.map((f) => ({ ...f })),
      progress: done ? 1 : s.totalBytes === 0 ? 0 : Math.min(1, s.bytesDone / s.totalBytes),
      speed: s.phase === 'transferring' ? speed : null,
      eta: s.phase === 'transferring' ? etaSeconds(s.totalBytes - s.bytesDone, speed) : null,
    };
  }
}
