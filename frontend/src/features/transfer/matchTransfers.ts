import { api, IceServersResponse, type Match } from '@spotlight/contracts';
import { apiCall } from '../../lib/api/client';
import { socketClient } from '../../shared/socket';
import { TransferController, type WakeLockHandle } from './controller';
import { connectSession, openTransferSession } from './engine';
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

/** STUN (and TURN with expiring credentials), through the typed API client. */
async function fetchIceServers(): Promise<RTCIceServer[]> {
  return IceServersResponse.parse(await apiCall(api.webrtc.iceServers)).iceServers;
}

/** The transfer controller of a match (created and started on first use). */
export function transferControllerFor(match: Match, meId: number): TransferController {
  const existing = controllers.get(match.id);
  if (existing) return existing;
  const room = { kind: 'match' as const, id: match.id };
  const controller = new TransferController({
    matchId: match.id,
    openSession: () => openTransferSession({ peerKey: `match-${match.id}` }),
    connect: (session) =>
      connectSession(session, {
        signaling: socketClientSignaling(socketClient, match.id),
        // Exactly one side is polite in perfect negotiation: the lower user id.
        polite: meId < match.partner.id,
        iceServers: fetchIceServers,
      }),
    postTelemetry: (body) => apiCall(api.transfers.telemetry, { body }),
    postVideoMessage: (record) => void socketClient.send(room, JSON.stringify(record), 'video'),
    requestWakeLock,
  });
  controllers.set(match.id, controller);
  void controller.start();
  return controller;
}
