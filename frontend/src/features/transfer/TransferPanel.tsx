import type { Match } from '@spotlight/contracts';
import { useEffect, useId, useSyncExternalStore, type ChangeEvent } from 'react';
import { cx } from '../../ui/cx';
import type { ControllerState, FallbackReason, TransferController } from './controller';
import { INDEXEDDB_FALLBACK_MAX_BYTES } from './engine';
import { formatBytes } from './format';
import { LinkForm } from './LinkForm';
import { transferControllerFor } from './matchTransfers';
import { TransferItem } from './TransferItem';

/**
 * The video transfer of a match: pick videos and send them phone to phone, answer the
 * partner's offers, follow progress, save or share what arrived; the link fallback is always
 * there, and opens by itself when no connection can be made.
 */
export function TransferPanel({
  match,
  meId,
  partnerName,
  onSendLink,
  onAttention,
}: {
  match: Match;
  meId: number;
  partnerName: string;
  onSendLink: (url: string) => void;
  /** Something needs the person: an offer to answer, the fallback, or a running transfer. */
  onAttention?: () => void;
}) {
  const controller = transferControllerFor(match, meId);
  const state = useSyncExternalStore(controller.state.subscribe, controller.state.getSnapshot);
  const headingId = useId();
  const needsAnswer = state.transfers.some((t) => t.phase === 'incoming');
  const { fallback, busy } = state;

  // An offer to answer, a fallback to read, or a transfer resumed after a reload.
  useEffect(() => {
    if (needsAnswer || fallback || busy) onAttention?.();
  }, [needsAnswer, fallback, busy, onAttention]);

  useEffect(() => {
    if (!busy) return;
    // Browsers drop the wake lock when the page is hidden; take it again on return.
    const handleVisibility = () => {
      if (document.visibilityState === 'visible') controller.syncWakeLock();
    };
    document.addEventListener('visibilitychange', handleVisibility);
    return () => document.removeEventListener('visibilitychange', handleVisibility);
  }, [busy, controller]);

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-2xl border border-slate-200 bg-white p-3"
      data-slot="transfer"
    >
      <h2 id={headingId} className="font-semibold text-slate-900">
        Video transfer
      </h2>
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        {connectionText(state, partnerName)}
      </p>
      {busy && (
        <p className="rounded-xl bg-amber-50 p-2 text-sm text-amber-900">
          Keep spotlight.cam open: leaving the app or locking the phone pauses the transfer. It
          continues when you come back.
          {state.wakeLock === 'held' && ' The screen stays on meanwhile.'}
        </p>
      )}
      <StorageNote state={state} />
      <SendPicker controller={controller} state={state} partnerName={partnerName} />
      {state.transfers.length > 0 && (
        <ul className="space-y-3" aria-label="Transfers">
          {state.transfers.map((t) => (
            <TransferItem
              key={t.id}
              snapshot={t}
              controller={controller}
              partnerName={partnerName}
            />
          ))}
        </ul>
      )}
      <Fallback reason={fallback} partnerName={partnerName} onSendLink={onSendLink} />
    </section>
  );
}

function connectionText(state: ControllerState, partner: string): string {
  if (state.phase === 'opening') return 'Getting ready…';
  if (state.phase === 'error') return `Phone-to-phone transfer is unavailable here: ${state.error}`;
  if (state.link === 'incompatible') return `${partner}’s app is a different version.`;
  switch (state.connection.phase) {
    case 'connected':
      return state.link === 'ready'
        ? `Connected to ${partner}, phone to phone.`
        : `Connecting to ${partner}…`;
    case 'reconnecting':
      return `Connection to ${partner} lost. Reconnecting…`;
    case 'closed':
      return `Not connected to ${partner}.`;
    default:
      return state.connection.fallbackSuggested
        ? `Can’t reach ${partner}’s phone.`
        : `Connecting to ${partner}… (they need this chat open too)`;
  }
}

function StorageNote({ state }: { state: ControllerState }) {
  if (state.phase !== 'ready') return null;
  if (!state.storage) {
    return (
      <p className="text-sm text-slate-700">
        This browser can’t store received videos. You can still send; to receive, ask for a link.
      </p>
    );
  }
  if (state.storage.kind === 'indexeddb') {
    const limit = state.storage.maxFileSize ?? INDEXEDDB_FALLBACK_MAX_BYTES;
    return (
      <p className="text-sm text-slate-700">
        This browser has no file system for apps, so received videos go to its database: up to{' '}
        {formatBytes(limit)} per video. Bigger ones need a link.
      </p>
    );
  }
  return null;
}

function SendPicker({
  controller,
  state,
  partnerName,
}: {
  controller: TransferController;
  state: ControllerState;
  partnerName: string;
}) {
  const id = useId();
  const disabled = state.phase !== 'ready';
  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length > 0) controller.send(files);
  };
  return (
    <div>
      <input
        id={id}
        type="file"
        accept="video/*"
        multiple
        disabled={disabled}
        onChange={handleChange}
        className="peer sr-only"
      />
      <label
        htmlFor={id}
        className={cx(
          'flex min-h-11 w-full cursor-pointer items-center justify-center rounded-xl bg-violet-600 px-4 text-sm font-semibold text-white hover:bg-violet-700 peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-violet-600',
          disabled && 'cursor-not-allowed opacity-50',
        )}
      >
        Choose videos to send to {partnerName}
      </label>
    </div>
  );
}

const FALLBACK_TEXT: Record<FallbackReason, (partner: string) => string> = {
  no_connection: (p) =>
    `Your phone can’t connect to ${p}’s directly (the network may block it, or ${p} isn’t in this chat). Upload the video to Google Drive, Dropbox or similar and post the link here.`,
  incompatible: (p) =>
    `${p}’s app is a different version, so phone-to-phone won’t work until one of you updates. Post a link instead.`,
  failed: () =>
    'The transfer failed. You can try again, or upload the video somewhere and post the link here.',
};

function Fallback({
  reason,
  partnerName,
  onSendLink,
}: {
  reason: FallbackReason | null;
  partnerName: string;
  onSendLink: (url: string) => void;
}) {
  if (reason) {
    return (
      <div role="alert" className="space-y-2 rounded-xl border border-amber-300 bg-amber-50 p-3">
        <p className="text-sm text-amber-950">{FALLBACK_TEXT[reason](partnerName)}</p>
        <LinkForm onSend={onSendLink} />
      </div>
    );
  }
  // Offered up front too: some venues' networks block phone-to-phone from the start.
  return (
    <div className="border-t border-slate-200 pt-3">
      <LinkForm onSend={onSendLink} />
    </div>
  );
}
