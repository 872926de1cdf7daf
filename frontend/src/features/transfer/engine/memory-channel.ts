import type { TransferChannel } from './channel';

/** Chromium closes a data channel whose send queue would pass 16 MiB. */
export const CHROMIUM_SEND_QUEUE_LIMIT = 16 * 1024 * 1024;

export interface MemoryLinkOptions {
  maxMessageSize?: number;
  /** Bytes the link moves per tick in each direction; models a slow network. */
  bytesPerTick?: number;
  /** When false the channel never fires bufferedamountlow, like a buggy browser. */
  lowEvents?: boolean;
}

export interface MemoryChannel extends TransferChannel {
  /** The most this side ever had queued. */
  readonly peakBufferedAmount: number;
  /** Cuts the link: both ends close, queued data is lost. */
  cut(): void;
}

interface End {
  queue: (string | Uint8Array<ArrayBuffer>)[];
  buffered: number;
  peak: number;
  threshold: number;
  messageHandlers: Set<(data: string | ArrayBuffer) => void>;
  lowHandlers: Set<() => void>;
  closeHandlers: Set<() => void>;
}

function newEnd(): End {
  return {
    queue: [],
    buffered: 0,
    peak: 0,
    threshold: 0,
    messageHandlers: new Set(),
    lowHandlers: new Set(),
    closeHandlers: new Set(),
  };
}

/**
 * Two connected in-memory channels for unit tests. Like RTCDataChannel, `send` copies binary data
 * and queues it, `bufferedAmount` counts queued bytes, `bufferedamountlow` fires when the queue
 * drains past the threshold, delivery is ordered and asynchronous, and a send that would queue
 * more than 16 MiB throws and closes the channel.
 */
export function createMemoryChannelPair(
  options: MemoryLinkOptions = {},
): [MemoryChannel, MemoryChannel] {
  const maxMessageSize = options.maxMessageSize ?? 256 * 1024;
  const bytesPerTick = options.bytesPerTick ?? 1024 * 1024;
  const lowEvents = options.lowEvents ?? true;
  const ends = [newEnd(), newEnd()] as const;
  let open = true;
  let pumping = false;

  const close = () => {
    if (!open) return;
    open = false;
    for (const end of ends) {
      end.queue = [];
      end.buffered = 0;
    }
    setTimeout(() => ends.forEach((end) => end.closeHandlers.forEach((h) => h())), 0);
  };

  const pump = () => {
    pumping = false;
    if (!open) return;
    ends.forEach((from, i) => {
      const to = ends[1 - i]!;
      let budget = bytesPerTick;
      while (budget > 0 && from.queue.length > 0 && open) {
        const message = from.queue.shift()!;
        const size = typeof message === 'string' ? message.length : message.byteLength;
        const before = from.buffered;
        from.buffered -= size;
        budget -= size;
        if (lowEvents && before > from.threshold && from.buffered <= from.threshold) {
          from.lowHandlers.forEach((h) => h());
        }
        const data = typeof message === 'string' ? message : message.buffer;
        to.messageHandlers.forEach((h) => h(data));
      }
    });
    if (ends.some((end) => end.queue.length > 0)) schedule();
  };
  const schedule = () => {
    if (pumping || !open) return;
    pumping = true;
    setTimeout(pump, 0);
  };

  const make = (end: End): MemoryChannel => ({
    maxMessageSize,
    get bufferedAmount() {
      return end.buffered;
    },
    get bufferedAmountLowThreshold() {
      return end.threshold;
    },
    set bufferedAmountLowThreshold(value: number) {
      end.threshold = value;
    },
    get isOpen() {
      return open;
    },
    get peakBufferedAmount() {
      return end.peak;
    },
    send(data) {
      if (!open) throw new Error('InvalidStateError: channel closed');
      const size = typeof data === 'string' ? data.length : data.byteLength;
      if (size > maxMessageSize) throw new TypeError('Message too large');
      if (end.buffered + size > CHROMIUM_SEND_QUEUE_LIMIT) {
        close();
        throw new Error('OperationError: send queue is full');
      }
      end.queue.push(typeof data === 'string' ? data : data.slice());
      end.buffered += size;
      end.peak = Math.max(end.peak, end.buffered);
      schedule();
    },
    onMessage(handler) {
      end.messageHandlers.add(handler);
      return () => end.messageHandlers.delete(handler);
    },
    onBufferedAmountLow(handler) {
      end.lowHandlers.add(handler);
      return () => end.lowHandlers.delete(handler);
    },
    onClose(handler) {
      end.closeHandlers.add(handler);
      return () => end.closeHandlers.delete(handler);
    },
    close,
    cut: close,
  });

  return [make(ends[0]), make(ends[1])];
}
