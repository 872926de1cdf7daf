import { api, IceServersResponse, type Match } from '@spotlight/contracts';
import { apiCall } from '../../lib/api/client';
import { socketClient } from '../../shared/socket';
import { TransferController, type WakeLockHandle } from './controller';
import { connectSession, openTransferSession } from './engine';
import { localSentRecords } from './resume';
import { socketClientSignaling } from './socketSignaling';

/**
 * One controller per match for the session (TransferOffers keeps those of accepted matches),
 * so a transfer keeps going while the person looks at another screen of the app, and comes
 * back to the same state.
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
    sentRecords: localSentRecords(`spotlight.transfer.sent.${meId}.match-${match.id}`),
  });
  controllers.set(match.id, controller);
  watchLifecycle();
  void controller.start();
  return controller;
}

let watching = false;

/**
 * Pauses every transfer while the page is hidden or frozen (a phone in the background, a
 * locked screen) and lets it continue by itself once the page is visible again.
 */
function watchLifecycle(): void {
  if (watching || typeof document === 'undefined') return;
  watching = true;
  const set = (hidden: boolean) => controllers.forEach((c) => c.setHidden(hidden));
  document.addEventListener('visibilitychange', () => set(document.visibilityState !== 'visible'));
  document.addEventListener('freeze', () => set(true));
  document.addEventListener('resume', () => set(document.visibilityState !== 'visible'));
  window.addEventListener('pagehide', () => set(true));
  window.addEventListener('pageshow', () => set(document.visibilityState !== 'visible'));
}

/** Disposes every controller (the session ended), or those of the given matches. */
export function disposeTransfers(matchIds?: readonly number[]): void {
  for (const [id, controller] of controllers) {
    if (matchIds && !matchIds.includes(id)) continue;
    controller.dispose();
    controllers.delete(id);
  }
}

/**
 * Keeps the controllers of `matchIds`; of the others, disposes those whose match `ended`
 * (cancelled or rejected). A completed match keeps its controller: a transfer may still run.
 */
export function keepOnly(matchIds: readonly number[], ended: (matchId: number) => boolean): void {
  const drop = [...controllers.keys()].filter((id) => !matchIds.includes(id) && ended(id));
  if (drop.length) disposeTransfers(drop);
}
