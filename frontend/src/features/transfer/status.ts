import i18next from 'i18next';
import type { ControllerState } from './controller';
import type { TransferSnapshot } from './engine';

const background = () => i18next.t('transfer.status.background');

/**
 * One status for the connection and one for a paused transfer, both derived from the same
 * state, so the panel never says "Connected" next to "the connection dropped", nor "lost"
 * before the phones were ever connected.
 */
export function connectionText(state: ControllerState, partner: string): string {
  const t = (key: string) => i18next.t(key, { partner });
  if (state.phase === 'opening') return t('transfer.status.opening');
  if (state.phase === 'error') {
    return i18next.t('transfer.status.unavailable', { error: state.error });
  }
  if (state.link === 'incompatible') return t('transfer.status.incompatible');
  if (state.hidden) return background();
  if (state.link === 'ready') return t('transfer.status.connected');
  switch (state.connection.phase) {
    case 'connected':
      return t('transfer.status.connecting');
    case 'reconnecting':
      return state.everConnected
        ? t('transfer.status.reconnecting')
        : t('transfer.status.connecting');
    case 'closed':
      return t('transfer.status.closed');
    default:
      return state.connection.fallbackSuggested
        ? t('transfer.status.unreachable')
        : t('transfer.status.connectingOpen');
  }
}

/** Why a transfer is paused, in the same terms as connectionText. */
export function pausedText(t: TransferSnapshot, state: ControllerState, partner: string): string {
  if (state.hidden) return background();
  if (state.link === 'ready') {
    return t.direction === 'receive'
      ? i18next.t('transfer.status.waitingReopen', { partner })
      : i18next.t('transfer.status.resuming');
  }
  return state.everConnected
    ? i18next.t('transfer.status.pausedReconnecting', { partner })
    : i18next.t('transfer.status.pausedConnecting', { partner });
}
