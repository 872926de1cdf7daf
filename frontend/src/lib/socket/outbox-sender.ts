import type { MessageType } from '@spotlight/contracts';
import { isTransientError } from '../errors';
import type { Outbox } from './outbox';
import { ROOM_KINDS } from './room-kinds';
import type { AckChannel, ChatMessage, OutboxEntry, RoomRef, SocketError } from './types';

export interface OutboxSenderOptions {
  /** Whether the rooms are rejoined after a connect: sends wait, so catch-up reconciles first. */
  isReady(): boolean;
  /** The server stored a message (its ack carries the stored copy). */
  onSent(room: RoomRef, message: ChatMessage): void;
  /** The wait before a transient failure is tried again. */
  retryDelay(): number;
}

/**
 * Sends the outbox's messages, in order, one at a time, when the connection allows. A timeout
 * or a drop keeps a message queued (it is sent again with the same clientId, which the server
 * stores once); a refusal marks it failed.
 */
export class OutboxSender {
  private flushing = false;

  constructor(
    private readonly outbox: Outbox,
    private readonly channel: AckChannel,
    private readonly options: OutboxSenderOptions,
  ) {}

  /** Queues a message and starts sending. Returns its clientId. */
  send(room: RoomRef, content: string, type: MessageType): string {
    const clientId = crypto.randomUUID();
    this.outbox.add({
      clientId,
      room,
      content,
      type,
      status: 'queued',
      createdAt: new Date().toISOString(),
    });
    void this.flush();
    return clientId;
  }

  retry(clientId: string) {
    this.outbox.update(clientId, { status: 'queued', error: undefined });
    void this.flush();
  }

  async flush() {
    if (this.flushing || !this.options.isReady()) return;
    this.flushing = true;
    const generation = this.channel.generation;
    try {
      for (;;) {
        if (!this.channel.connected || generation !== this.channel.generation) return;
        const entry = this.outbox.entries.find((e) => e.status === 'queued');
        if (!entry) return;
        if (!(await this.sendOne(entry))) return;
      }
    } finally {
      this.flushing = false;
    }
  }

  /** Sends one entry; false when the connection dropped and the loop should stop. */
  private async sendOne(entry: OutboxEntry): Promise<boolean> {
    this.outbox.update(entry.clientId, { status: 'sending' });
    const ack = await ROOM_KINDS[entry.room.kind].send(this.channel, entry);
    if (ack.ok) {
      this.options.onSent(entry.room, ack.message);
      return true;
    }
    // A catch-up may already have delivered it and removed the entry.
    if (!this.outbox.has(entry.clientId)) return true;
    if (isTransientError(ack.error.code)) {
      this.outbox.update(entry.clientId, { status: 'queued' });
      if (ack.error.code === 'disconnected') return false;
      await new Promise((resolve) => setTimeout(resolve, this.options.retryDelay()));
      return true;
    }
    this.outbox.update(entry.clientId, { status: 'failed', error: ack.error as SocketError });
    return true;
  }
}
