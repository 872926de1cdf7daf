import {
  ChunkFrameError,
  type ControlMessage,
  DC_PROTOCOL_VERSIONS,
  decodeChunkFrame,
  decodeControlMessage,
  DEFAULT_BLOCK_SIZE,
  encodeControlMessage,
  negotiateVersion,
} from '@spotlight/contracts';
import type { TransferChannel } from './channel';
import type { ManifestStore } from './manifest';
import { Observable } from './observable';
import { IncomingTransfer } from './receiver';
import { OutgoingTransfer } from './sender';
import type { SendWindowOptions } from './send-window';
import type { ReceiveStore } from './storage/receive-store';
import type { Link } from './transfer-base';

export type Transfer = OutgoingTransfer | IncomingTransfer;

export interface SessionOptions {
  /** Names the peer (the match) in manifests, so a reloaded page resumes with the right person. */
  peerKey: string;
  /** Where received files go; null when this browser has no usable storage. */
  store: ReceiveStore | null;
  manifests: ManifestStore;
  blockSize?: number;
  window?: SendWindowOptions;
  ackEveryBytes?: number;
  now?: () => number;
  /** A new transfer id; crypto.randomUUID by default. */
  newId?: () => string;
}

export type SessionLinkState = 'detached' | 'handshake' | 'ready' | 'incompatible';

/**
 * All transfers between this device and one partner, in both directions. It outlives any one
 * data channel: `attach` each channel that opens, and the transfers continue where they stopped.
 * The UI reads `transfers` and each transfer's `state`, and calls send/accept/decline/cancel.
 */
export class TransferSession {
  readonly transfers = new Observable<readonly Transfer[]>([]);
  readonly link = new Observable<SessionLinkState>('detached');
  private readonly outgoing = new Map<string, OutgoingTransfer>();
  private readonly incoming = new Map<string, IncomingTransfer>();
  private readonly incomingByTag = new Map<number, IncomingTransfer>();
  private channel: TransferChannel | null = null;
  private unsubscribe: (() => void)[] = [];
  private current: Link | null = null;
  private incomingListeners = new Set<(transfer: IncomingTransfer) => void>();

  constructor(private readonly options: SessionOptions) {}

  /** Loads accepted, unfinished transfers from IndexedDB (after a reload). Call once, early. */
  async restore(): Promise<void> {
    const manifests = await this.options.manifests.listForPeer(this.options.peerKey);
    for (const manifest of manifests) {
      if (this.incoming.has(manifest.transferId)) continue;
      this.addIncoming(IncomingTransfer.fromManifest(manifest, this.receiverDeps()));
    }
  }

  /** Called when an offer arrives that this person has to accept or decline. */
  onIncoming(listener: (transfer: IncomingTransfer) => void): () => void {
    this.incomingListeners.add(listener);
    return () => this.incomingListeners.delete(listener);
  }

  /**
   * Offers files to the partner; the offer goes out now or as soon as a channel is up. `id`
   * re-uses the id of a transfer this device offered before a reload (the same files picked
   * again), so the receiver answers with what it still misses.
   */
  send(files: readonly File[], id?: string): OutgoingTransfer {
    if (files.length === 0) throw new Error('Nothing to send');
    id ??= this.options.newId?.() ?? crypto.randomUUID();
    if (this.outgoing.has(id)) return this.outgoing.get(id)!;
    const transfer = new OutgoingTransfer(id, this.freeTag(), files, {
      blockSize: this.options.blockSize ?? DEFAULT_BLOCK_SIZE,
      window: this.options.window,
      now: this.options.now,
    });
    this.outgoing.set(id, transfer);
    this.publishList();
    if (this.current) transfer.attach(this.current);
    return transfer;
  }

  /** A data channel opened: say hello; transfers continue once the partner's hello arrives. */
  attach(channel: TransferChannel): void {
    this.detach();
    this.channel = channel;
    this.link.set('handshake');
    this.unsubscribe = [
      channel.onMessage((data) => this.handleData(channel, data)),
      channel.onClose(() => {
        if (this.channel === channel) this.detach();
      }),
    ];
    this.sendRaw(channel, { type: 'hello', versions: [...DC_PROTOCOL_VERSIONS] });
  }

  /** The channel is gone. Transfers pause; nothing is lost. */
  detach(): void {
    this.unsubscribe.forEach((off) => off());
    this.unsubscribe = [];
    this.channel = null;
    this.current = null;
    if (this.link.getSnapshot() !== 'incompatible') this.link.set('detached');
    this.all().forEach((t) => t.detach());
  }

  dispose(): void {
    this.detach();
    this.options.store?.dispose();
  }

  private all(): Transfer[] {
    return [...this.outgoing.values(), ...this.incoming.values()];
  }

  private publishList(): void {
    this.transfers.set(this.all());
  }

  private receiverDeps() {
    return {
      peerKey: this.options.peerKey,
      store: this.options.store,
      manifests: this.options.manifests,
      ackEveryBytes: this.options.ackEveryBytes,
      now: this.options.now,
    };
  }

  private addIncoming(transfer: IncomingTransfer): void {
    this.incoming.set(transfer.id, transfer);
    this.incomingByTag.set(transfer.tag, transfer);
    this.publishList();
    if (this.current) transfer.attach(this.current);
  }

  private freeTag(): number {
    const used = new Set([...this.outgoing.values()].map((t) => t.tag));
    const random = new Uint32Array(1);
    do crypto.getRandomValues(random);
    while (used.has(random[0]!));
    return random[0]!;
  }

  private sendRaw(channel: TransferChannel, message: ControlMessage): void {
    if (!channel.isOpen) return;
    try {
      channel.send(encodeControlMessage(message));
    } catch {
      // The channel is closing; its close event will detach us.
    }
  }

  private handleData(channel: TransferChannel, data: string | ArrayBuffer): void {
    if (channel !== this.channel) return;
    if (typeof data !== 'string') return this.handleChunk(data);
    const message = decodeControlMessage(data);
    if (!message) {
      return this.sendRaw(channel, {
        type: 'error',
        code: 'bad_message',
        message: 'Unreadable control message',
        fatal: false,
      });
    }
    if (message.type === 'hello') return this.handleHello(channel, message.versions);
    if (!this.current) return;
    void this.route(message);
  }

  private handleHello(channel: TransferChannel, versions: readonly number[]): void {
    if (negotiateVersion(DC_PROTOCOL_VERSIONS, versions) === null) {
      this.sendRaw(channel, {
        type: 'error',
        code: 'version_unsupported',
        message: `This app speaks versions ${DC_PROTOCOL_VERSIONS.join(', ')}`,
        fatal: true,
      });
      this.link.set('incompatible');
      return this.detach();
    }
    const link: Link = { channel, send: (message) => this.sendRaw(channel, message) };
    this.current = link;
    this.link.set('ready');
    this.all().forEach((t) => t.attach(link));
  }

  private handleChunk(data: ArrayBuffer): void {
    let frame;
    try {
      frame = decodeChunkFrame(data);
    } catch (error) {
      if (error instanceof ChunkFrameError) return;
      throw error;
    }
    this.incomingByTag.get(frame.tag)?.handleChunk(frame);
  }

  private async route(message: ControlMessage): Promise<void> {
    switch (message.type) {
      case 'offer': {
        const known = this.incoming.get(message.transferId);
        if (known) {
          if (!known.matchesOffer(message)) {
            return this.current?.send({
              type: 'error',
              transferId: message.transferId,
              code: 'protocol_violation',
              message: 'A different offer under a known transfer id',
              fatal: true,
            });
          }
          // A reloaded sender picks a new tag for its chunk frames.
          if (this.incomingByTag.get(known.tag) === known) this.incomingByTag.delete(known.tag);
          known.retag(message.tag);
          this.incomingByTag.set(message.tag, known);
          return known.handle(message);
        }
        const transfer = await IncomingTransfer.fromOffer(message, this.receiverDeps());
        if (this.incoming.has(message.transferId)) return;
        this.addIncoming(transfer);
        this.incomingListeners.forEach((listener) => listener(transfer));
        return;
      }
      case 'block':
      case 'file_end':
        return this.incoming.get(message.transferId)?.handle(message);
      case 'accept':
      case 'decline':
      case 'resume':
      case 'ack':
      case 'refetch':
      case 'file_complete': {
        const transfer = this.outgoing.get(message.transferId);
        if (transfer) return transfer.handle(message);
        if (message.type === 'resume') {
          this.current?.send({
            type: 'error',
            transferId: message.transferId,
            code: 'unknown_transfer',
            message: 'This device no longer has that transfer',
            fatal: true,
          });
        }
        return;
      }
      case 'cancel':
      case 'error':
        if (!message.transferId) return;
        this.outgoing.get(message.transferId)?.handle(message);
        this.incoming.get(message.transferId)?.handle(message);
        return;
      default:
        return;
    }
  }
}
