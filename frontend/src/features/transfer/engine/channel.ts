import { MAX_CHUNK_MESSAGE_BYTES } from '@spotlight/contracts';

/**
 * The little of RTCDataChannel the engine uses. The real adapter wraps an RTCDataChannel; tests
 * use an in-memory pair with the same buffering rules.
 */
export interface TransferChannel {
  /** Largest message the peer accepts (pc.sctp.maxMessageSize). */
  readonly maxMessageSize: number;
  readonly bufferedAmount: number;
  bufferedAmountLowThreshold: number;
  readonly isOpen: boolean;
  /** Sends a text or binary message. Binary data is copied before this returns. */
  send(data: string | Uint8Array<ArrayBuffer>): void;
  onMessage(handler: (data: string | ArrayBuffer) => void): () => void;
  onBufferedAmountLow(handler: () => void): () => void;
  onClose(handler: () => void): () => void;
  close(): void;
}

/** Bytes per chunk message: min(pc.sctp.maxMessageSize, 256 KiB). */
export function chunkMessageSize(channel: Pick<TransferChannel, 'maxMessageSize'>): number {
  const max = channel.maxMessageSize > 0 ? channel.maxMessageSize : 64 * 1024;
  return Math.min(max, MAX_CHUNK_MESSAGE_BYTES);
}

function listen<K extends keyof RTCDataChannelEventMap>(
  dc: RTCDataChannel,
  type: K,
  handler: (event: RTCDataChannelEventMap[K]) => void,
): () => void {
  dc.addEventListener(type, handler);
  return () => dc.removeEventListener(type, handler);
}

/** Wraps an open RTCDataChannel. `maxMessageSize` comes from the peer connection's SCTP transport. */
export function fromDataChannel(dc: RTCDataChannel, pc?: RTCPeerConnection): TransferChannel {
  dc.binaryType = 'arraybuffer';
  return {
    get maxMessageSize() {
      // Firefox and old Safari report Infinity or nothing; 64 KiB is safe everywhere then.
      const size = pc?.sctp?.maxMessageSize;
      return size && Number.isFinite(size) ? size : 64 * 1024;
    },
    get bufferedAmount() {
      return dc.bufferedAmount;
    },
    get bufferedAmountLowThreshold() {
      return dc.bufferedAmountLowThreshold;
    },
    set bufferedAmountLowThreshold(value: number) {
      dc.bufferedAmountLowThreshold = value;
    },
    get isOpen() {
      return dc.readyState === 'open';
    },
    send(data) {
      if (typeof data === 'string') dc.send(data);
      else dc.send(data);
    },
    onMessage: (handler) =>
      listen(dc, 'message', (event: MessageEvent<unknown>) => {
        const { data } = event;
        if (typeof data === 'string' || data instanceof ArrayBuffer) handler(data);
      }),
    onBufferedAmountLow: (handler) => listen(dc, 'bufferedamountlow', () => handler()),
    onClose: (handler) => listen(dc, 'close', () => handler()),
    close: () => dc.close(),
  };
}
