/**
 * The peer-to-peer transfer engine: plain TypeScript, no React. The UI creates one session per
 * match with `openTransferSession`, subscribes to `session.transfers`, each transfer's `state`
 * and the connection manager's `state`, and calls send / accept / decline / cancel.
 */
import { IdbManifestStore } from './manifest';
import { PeerConnectionManager, type ConnectionOptions } from './connection';
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
export {
  createSocketSignaling,
  fetchIceServers,
  type SignalingChannel,
  type SignalMessage,
} from './signaling';
export * from './state';
export { INDEXEDDB_FALLBACK_MAX_BYTES } from './storage/idb-store';
export {
  checkFreeSpace,
  type ReceiveStore,
  type SpaceCheck,
  type StoreKind,
} from './storage/receive-store';
export { buildTelemetry, postTelemetry, type ConnectionPath } from './telemetry';

/**
 * A session for one partner with the browser's real storage (OPFS worker, else IndexedDB) and
 * IndexedDB manifests, with unfinished incoming transfers restored.
 */
export async function openTransferSession(
  options: Omit<SessionOptions, 'store' | 'manifests'>,
): Promise<TransferSession> {
  const [store, manifests] = await Promise.all([createReceiveStore(), IdbManifestStore.create()]);
  const session = new TransferSession({ ...options, store, manifests });
  await session.restore();
  return session;
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
