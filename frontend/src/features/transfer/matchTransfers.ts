import type { Match } from '@spotlight/contracts';
import { socketClient } from '../../shared/socket';
import { TransferController, type WakeLockHandle } from './controller';
import {
  connectSession,
  fetchIceServers,
  IdbManifestStore,
  postTelemetry,
  TransferSession,
} from './engine';
import { createReceiveStore } from './engine/storage/choose-store';
import { socketClientSignaling } from './socketSignaling';

/**
 * One controller per match for the life of the page, so a transfer keeps going while the
 * person looks at another screen of the app, and comes back to the same state.
 */
const controllers = new Map<number, TransferController>();

interface WakeLockApi {
  request(type: 'screen'): Promise<WakeLockHandle>;
}

async function requestWakeLock(): Promise<WakeLockHandle | null> {
  const api = (navigator as Navigator & { wakeLock?: WakeLockApi }).wakeLock;
  if (!api || document.visibilityState !== 'visible') return null;
  return api.request('screen').catch(() => null);
}

/** The transfer controller of a match (created and started on first use). */
export function transferControllerFor(match: Match, meId: number): TransferController {
  const existing = controllers.get(match.id);
  if (existing) return existing;
  const room = { kind: 'match' as const, id: match.id };
  const controller = new TransferController({
    matchId: match.id,
    async openSession() {
      const [store, manifests] = await Promise.all([
        createReceiveStore(),
        IdbManifestStore.create(),
      ]);
      const session = new TransferSession({ peerKey: `match-${match.id}`, store, manifests });
      await session.restore();
      return {
        session,
        storage: store ? { kind: store.kind, maxFileSize: store.maxFileSize } : null,
      };
    },
    connect: (session) =>
      connectSession(session, {
        signaling: socketClientSignaling(socketClient, match.id),
        // Exactly one side is polite in perfect negotiation: the lower user id.
        polite: meId < match.partner.id,
        iceServers: () => fetchIceServers(),
      }),
    postTelemetry: (body) => postTelemetry(body),
    postVideoMessage: (record) => void socketClient.send(room, JSON.stringify(record), 'video'),
    requestWakeLock,
  });
  controllers.set(match.id, controller);
  void controller.start();
  return controller;
}
