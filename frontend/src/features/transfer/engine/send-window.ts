import type { TransferChannel } from './channel';

export interface SendWindowOptions {
  /** Stop sending while the channel has this much queued (well below Chromium's 16 MiB limit). */
  highWater: number;
  /** `bufferedAmountLowThreshold`: wake up when the queue drains to this. */
  lowWater: number;
  /** Stop sending while this many bytes are sent but not yet acknowledged as written to disk. */
  maxUnacked: number;
  /** Re-check this often even without events, in case `bufferedamountlow` never fires. */
  pollMs: number;
}

export const DEFAULT_SEND_WINDOW: SendWindowOptions = {
  highWater: 4 * 1024 * 1024,
  lowWater: 1024 * 1024,
  maxUnacked: 12 * 1024 * 1024,
  pollMs: 50,
};

/**
 * Flow control for one channel: the browser's send queue (bufferedAmount) bounds what sits in
 * this tab, and the receiver's acknowledgements bound what sits in the peer's memory waiting for
 * its disk. `await window.writable()` before each chunk; nothing is ever queued in JS.
 */
export class SendWindow {
  private sentBytes = 0;
  private ackedBytes = 0;
  private waiters = new Set<() => void>();
  private readonly offLow: () => void;
  private readonly offClose: () => void;
  private closed = false;

  constructor(
    private readonly channel: TransferChannel,
    readonly options: SendWindowOptions = DEFAULT_SEND_WINDOW,
  ) {
    if (options.lowWater >= options.highWater) throw new RangeError('lowWater must be < highWater');
    channel.bufferedAmountLowThreshold = options.lowWater;
    this.offLow = channel.onBufferedAmountLow(() => this.wake());
    this.offClose = channel.onClose(() => this.dispose());
  }

  get unacked(): number {
    return this.sentBytes - this.ackedBytes;
  }

  canSend(): boolean {
    return (
      !this.closed &&
      this.channel.bufferedAmount < this.options.highWater &&
      this.unacked < this.options.maxUnacked
    );
  }

  /** Resolves when one more chunk may be sent; rejects once the channel is closed. */
  async writable(): Promise<void> {
    while (!this.canSend()) {
      if (this.closed || !this.channel.isOpen) throw new ChannelClosedError();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, this.options.pollMs);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.add(done);
      });
    }
  }

  /** Record payload bytes just handed to `channel.send`. */
  sent(bytes: number): void {
    this.sentBytes += bytes;
  }

  /** The receiver's running total of bytes written since the counters were reset. */
  acked(total: number): void {
    if (total <= this.ackedBytes) return;
    this.ackedBytes = Math.min(total, this.sentBytes);
    this.wake();
  }

  /** Both ends restart their counts when a transfer (re)starts on this channel. */
  reset(): void {
    this.sentBytes = 0;
    this.ackedBytes = 0;
    this.wake();
  }

  dispose(): void {
    this.closed = true;
    this.offLow();
    this.offClose();
    this.wake();
  }

  private wake(): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    waiters.forEach((w) => w());
  }
}

export class ChannelClosedError extends Error {
  override name = 'ChannelClosedError';
  constructor() {
    super('The data channel closed');
  }
}
