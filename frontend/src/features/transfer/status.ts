import type { ControllerState } from './controller';
import type { TransferSnapshot } from './engine';

const BACKGROUND =
  'spotlight.cam is in the background: the transfer pauses, and continues by itself when you come back.';

/**
 * One status for the connection and one for a paused transfer, both derived from the same
 * state, so the panel never says "Connected" next to "the connection dropped", nor "lost"
 * before the phones were ever connected.
 */
export function connectionText(state: ControllerState, partner: string): string {
  if (state.phase === 'opening') return 'Getting ready…';
  if (state.phase === 'error') return `Phone-to-phone transfer is unavailable here: ${state.error}`;
  if (state.link === 'incompatible') return `${partner}’s app is a different version.`;
  if (state.hidden) return BACKGROUND;
  if (state.link === 'ready') return `Connected to ${partner}, phone to phone.`;
  switch (state.connection.phase) {
    case 'connected':
      return `Connecting to ${partner}…`;
    case 'reconnecting':
      return state.everConnected
        ? `Connection to ${partner} lost. Reconnecting…`
        : `Connecting to ${partner}…`;
    case 'closed':
      return `Not connected to ${partner}.`;
    default:
      return state.connection.fallbackSuggested
        ? `Can’t reach ${partner}’s phone.`
        : `Connecting to ${partner}… (they need spotlight.cam open too)`;
  }
}

/** Why a transfer is paused, in the same terms as connectionText. */
export function pausedText(t: TransferSnapshot, state: ControllerState, partner: string): string {
  if (state.hidden) return BACKGROUND;
  if (state.link === 'ready') {
    return t.direction === 'receive'
      ? `Waiting for ${partner} to reopen the file. It continues from where it stopped.`
      : 'Resuming…';
  }
  return state.everConnected
    ? `Paused: reconnecting to ${partner}. It continues by itself from where it stopped.`
    : `Paused: connecting to ${partner}. It continues by itself from where it stopped.`;
}
