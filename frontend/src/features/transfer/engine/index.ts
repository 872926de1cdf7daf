/**
 * The peer-to-peer transfer engine: plain TypeScript, no React, no HTTP of its own. The app
 * (features/transfer/matchTransfers.ts) and the bench (bench/transfer/page) both open a session
 * with `openTransferSession` and connect it with `connectSession`, giving it a signaling channel
 * and the ICE servers; they subscribe to `session.transfers`, each transfer's `state` and the
 * connection manager's `state`, and call send / accept / decline / cancel.
 */
import { IdbManifestStore } from './manifest';
import { PeerConnectionManager, type ConnectionOptions } from './connection';
import type { StoreKind } from './storage/receive-store';
import { TransferSession, type SessionOptions } from './session';
import { createReceiveStore } from './storage/choose-store';

export { BlockSet } from './block-set';
export { chunkMessageSize, fromDataChannel, type TransferChannel } from './channel';
export {
  PeerConnectionManager,
  type ConnectionOptions,
  type ConnectionPhase,
  type ConnectionState,
} from './connection';
export {
  IdbManifestStore,
  MemoryManifestStore,
  type Manifest,
  type ManifestStore,
} from './manifest';
export { IncomingTransfer } from './receiver';
export { OutgoingTransfer } from './sender';
export { DEFAULT_SEND_WINDOW, SendWindow, type SendWindowOptions } from './send-window';
export {
  TransferSession,
  type SessionLinkState,
  type SessionOptions,
  type Transfer,
} from './session';
export type { SignalingChannel, SignalMessage } from './signaling';
export * from './state';
export { INDEXEDDB_FALLBACK_MAX_BYTES } from './storage/idb-store';
export {
  checkFreeSpace,
  type ReceiveStore,
  type SpaceCheck,
  type StoreKind,
} from './storage/receive-store';

/** Where this browser stores received videos; null when it cannot store them at all. */
export type StorageInfo = { kind: StoreKind; maxFileSize: number | null } | null;
export { buildTelemetry, type ConnectionPath } from './telemetry';

/**
 * A session for one partner with the browser's real storage (OPFS worker, else IndexedDB) and
 * IndexedDB manifests, with unfinished incoming transfers restored; and what that storage
 * allows.
 */
export async function openTransferSession(
  options: Omit<SessionOptions, 'store' | 'manifests'>,
): Promise<{ session: TransferSession; storage: StorageInfo }> {
  const [store, manifests] = await Promise.all([createReceiveStore(), IdbManifestStore.create()]);
  const session = new TransferSession({ ...options, store, manifests });
  await session.restore();
  const storage = store ? { kind: store.kind, maxFileSize: store.maxFileSize } : null;
  return { session, storage };
}

/** Connects a session to a partner: every transfer channel that opens is attached to it. */
export function connectSession(
  session: TransferSession,
  options: ConnectionOptions,
): PeerConnectionManager {
  const manager = new PeerConnectionManager(options);
  manager.onChannel((channel) => session.attach(channel));
  void manager.start();
  return manager;
}
