import type { Match } from '@spotlight/contracts';
import { useEffect, useId, useSyncExternalStore, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import {
  type ControllerState,
  type FallbackReason,
  isReceivedVideo,
  type TransferController,
} from './controller';
import { INDEXEDDB_FALLBACK_MAX_BYTES, isFinal } from './engine';
import { formatBytes } from './format';
import { LinkForm } from './LinkForm';
import { transferControllerFor } from './matchTransfers';
import { connectionText, pausedText } from './status';
import { TransferItem } from './TransferItem';
import { Videos } from './Videos';

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
  const { t } = useTranslation();
  const controller = transferControllerFor(match, meId);
  const state = useSyncExternalStore(controller.state.subscribe, controller.state.getSnapshot);
  const headingId = useId();
  const needsAnswer = state.transfers.some((t) => t.phase === 'incoming');
  const { fallback, busy } = state;
  const received = state.transfers.filter(isReceivedVideo);
  const shown = state.transfers.filter((t) => !isReceivedVideo(t) && !state.cleared.includes(t.id));
  // Offers to answer come first, above the picker; the rest below it.
  const offers = shown.filter((t) => t.phase === 'incoming');
  const listed = shown.filter((t) => t.phase !== 'incoming');
  const item = (t: (typeof shown)[number]) => (
    <TransferItem
      key={t.id}
      snapshot={t}
      controller={controller}
      partnerName={partnerName}
      paused={pausedText(t, state, partnerName)}
    />
  );
  const canSend = match.status === 'accepted';

  // An offer to answer, a fallback to read, or a transfer resumed (or to resume) after a reload.
  const reopen = state.reopen.length > 0;
  useEffect(() => {
    if (needsAnswer || fallback || busy || reopen) onAttention?.();
  }, [needsAnswer, fallback, busy, reopen, onAttention]);

  return (
    <section aria-labelledby={headingId} className="space-y-4" data-slot="transfer">
      <h2 id={headingId} className="sr-only">
        {t('transfer.heading')}
      </h2>
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        {connectionText(state, partnerName)}
      </p>
      {busy && (
        <p className="rounded-xl bg-amber-50 p-2 text-sm text-amber-900">
          {t('transfer.keepOpen')}
          {state.wakeLock === 'held' && ` ${t('transfer.screenOn')}`}
        </p>
      )}
      <StorageNote state={state} />
      {state.reopen.map((r) => (
        <div key={r.id} role="alert" className="space-y-2 rounded-xl bg-amber-50 p-3">
          <p className="text-sm text-amber-950">
            {t('transfer.reopen', { names: r.names.join(', ') })}
          </p>
          <Button variant="ghost" className="w-full" onClick={() => controller.forget(r.id)}>
            {t('transfer.dontResume')}
          </Button>
        </div>
      ))}
      {offers.length > 0 && (
        <ul className="space-y-3" aria-label={t('transfer.offers')}>
          {offers.map(item)}
        </ul>
      )}
      {canSend && <SendPicker controller={controller} state={state} partnerName={partnerName} />}
      {state.notice && (
        <p role="alert" className="rounded-xl bg-red-50 p-3 text-sm text-red-800">
          {state.notice}
        </p>
      )}
      {listed.length > 0 && (
        <ul className="space-y-3" aria-label={t('transfer.transfers')}>
          {listed.map(item)}
        </ul>
      )}
      {listed.some((t) => isFinal(t.phase)) && (
        <Button variant="ghost" className="w-full" onClick={() => controller.clearFinished()}>
          {t('transfer.clearFinished')}
        </Button>
      )}
      <Videos received={received} controller={controller} />
      {canSend && <Fallback reason={fallback} partnerName={partnerName} onSendLink={onSendLink} />}
    </section>
  );
}

function StorageNote({ state }: { state: ControllerState }) {
  const { t } = useTranslation();
  if (state.phase !== 'ready') return null;
  if (!state.storage) {
    return <p className="text-sm text-slate-700">{t('transfer.storage.none')}</p>;
  }
  if (state.storage.kind === 'indexeddb') {
    const limit = state.storage.maxFileSize ?? INDEXEDDB_FALLBACK_MAX_BYTES;
    return (
      <p className="text-sm text-slate-700">
        {t('transfer.storage.database', { size: formatBytes(limit) })}
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
  const { t } = useTranslation();
  const id = useId();
  const disabled = state.phase !== 'ready';
  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length > 0) void controller.send(files);
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
          'flex min-h-14 w-full cursor-pointer items-center justify-center rounded-xl bg-violet-600 px-4 text-sm font-semibold text-white hover:bg-violet-700 peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-violet-600',
          disabled && 'cursor-not-allowed opacity-50',
        )}
      >
        {t('transfer.choose', { name: partnerName })}
      </label>
    </div>
  );
}

const FALLBACK_TEXT: Record<FallbackReason, string> = {
  no_connection: 'transfer.fallback.noConnection',
  incompatible: 'transfer.fallback.incompatible',
  failed: 'transfer.fallback.failed',
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
  const { t } = useTranslation();
  if (reason) {
    return (
      <div role="alert" className="space-y-2 rounded-xl border border-amber-300 bg-amber-50 p-3">
        <p className="text-sm text-amber-950">
          {t(FALLBACK_TEXT[reason], { partner: partnerName })}
        </p>
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
