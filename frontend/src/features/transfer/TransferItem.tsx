import i18next from 'i18next';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import type { TransferController } from './controller';
import type { TransferSnapshot } from './engine';
import { formatBytes, formatEta, formatSpeed } from './format';

const filesLabel = (t: TransferSnapshot) =>
  t.files.length === 1
    ? t.files[0]!.name
    : i18next.t('transfer.item.videos', { count: t.files.length });

/** One transfer: its offer, progress, outcome, and what the person can do next. */
export function TransferItem({
  snapshot: t,
  controller,
  partnerName,
  paused,
}: {
  snapshot: TransferSnapshot;
  controller: TransferController;
  partnerName: string;
  /** Why it is paused, when it is (status.ts). */
  paused: string;
}) {
  const { t: tr } = useTranslation();
  const titleId = useId();
  const sending = t.direction === 'send';
  return (
    <li
      aria-labelledby={titleId}
      className="space-y-2 rounded-xl border border-slate-200 p-3"
      data-transfer-id={t.id}
      data-phase={t.phase}
    >
      <p id={titleId} className="text-sm font-medium text-slate-900 [overflow-wrap:anywhere]">
        {tr(sending ? 'transfer.item.to' : 'transfer.item.from', {
          name: partnerName,
          files: filesLabel(t),
          size: formatBytes(t.totalBytes),
        })}
      </p>
      <Body t={t} controller={controller} partnerName={partnerName} paused={paused} />
    </li>
  );
}

function Body({
  t,
  controller,
  partnerName,
  paused,
}: {
  t: TransferSnapshot;
  controller: TransferController;
  partnerName: string;
  paused: string;
}) {
  const { t: tr } = useTranslation();
  switch (t.phase) {
    case 'incoming':
      return <Offer t={t} controller={controller} partnerName={partnerName} />;
    case 'offering':
      return (
        <Row>
          <p className="text-sm text-slate-700">
            {tr('transfer.item.waiting', { name: partnerName })}
          </p>
          <CancelButton t={t} controller={controller} />
        </Row>
      );
    case 'transferring':
    case 'paused':
    case 'verifying':
      return (
        <>
          <Progress t={t} paused={paused} />
          <CancelButton t={t} controller={controller} />
        </>
      );
    case 'completed':
      return t.direction === 'send' ? (
        <p className="text-sm text-emerald-800">
          {tr('transfer.item.delivered', { name: partnerName })}
        </p>
      ) : (
        <p className="text-sm text-emerald-800">{tr('transfer.item.received')}</p>
      );
    case 'declined':
      return (
        <p className="text-sm text-slate-700">
          {t.direction === 'send'
            ? tr('transfer.item.partnerDeclined', { name: partnerName })
            : tr('transfer.item.youDeclined')}
          {t.error?.message && t.error.code !== 'declined_by_peer' ? ` ${t.error.message}.` : ''}
        </p>
      );
    case 'cancelled':
      return (
        <p className="text-sm text-slate-700">
          {t.error?.code === 'cancelled_by_peer'
            ? tr('transfer.item.partnerCancelled', { name: partnerName })
            : tr('transfer.item.youCancelled')}
        </p>
      );
    case 'failed':
      return (
        <p className="text-sm text-red-800">
          {t.error
            ? tr('transfer.item.failedWith', { reason: t.error.message })
            : tr('transfer.item.failed')}
        </p>
      );
  }
}

function Row({ children }: { children: ReactNode }) {
  return <div className="flex flex-wrap items-center justify-between gap-2">{children}</div>;
}

function Offer({
  t,
  controller,
  partnerName,
}: {
  t: TransferSnapshot;
  controller: TransferController;
  partnerName: string;
}) {
  const { t: tr } = useTranslation();
  const [busy, setBusy] = useState(false);
  const space = t.space;
  const tooBig =
    t.storage?.maxFileSize != null && t.files.some((f) => f.size > t.storage!.maxFileSize!);
  return (
    <>
      <p className="text-base text-slate-800">
        {tr('transfer.offer.wants', {
          name: partnerName,
          count: t.files.length,
          size: formatBytes(t.totalBytes),
        })}
        {space?.available != null &&
          space.ok &&
          ` ${tr('transfer.offer.free', { size: formatBytes(space.available) })}`}
      </p>
      {!t.storage && <p className="text-sm text-red-800">{tr('transfer.offer.noStorage')}</p>}
      {tooBig && (
        <p className="text-sm text-red-800">
          {tr('transfer.offer.tooBig', { size: formatBytes(t.storage!.maxFileSize!) })}
        </p>
      )}
      {space && !space.ok && (
        <p className="text-sm text-red-800">
          {space.available != null
            ? tr('transfer.offer.noSpaceFree', {
                size: formatBytes(t.totalBytes),
                free: formatBytes(space.available),
              })
            : tr('transfer.offer.noSpace', { size: formatBytes(t.totalBytes) })}
        </p>
      )}
      <div className="grid grid-cols-2 gap-3">
        <Button
          className="min-h-14 text-base"
          busy={busy}
          onClick={() => {
            setBusy(true);
            void controller.accept(t.id).finally(() => setBusy(false));
          }}
        >
          {tr('transfer.offer.accept')}
        </Button>
        <Button
          variant="secondary"
          className="min-h-14 text-base"
          onClick={() => controller.decline(t.id)}
        >
          {tr('transfer.offer.decline')}
        </Button>
      </div>
    </>
  );
}

function Progress({ t, paused }: { t: TransferSnapshot; paused: string }) {
  const { t: tr } = useTranslation();
  const labelId = useId();
  const percent = Math.floor(t.progress * 100);
  const status =
    t.phase === 'paused'
      ? paused
      : t.phase === 'verifying'
        ? tr('transfer.progress.checking')
        : [
            tr('transfer.progress.done', {
              done: formatBytes(t.bytesDone),
              total: formatBytes(t.totalBytes),
            }),
            t.speed != null ? formatSpeed(t.speed) : null,
            t.eta != null ? tr('transfer.progress.left', { time: formatEta(t.eta) }) : null,
          ]
            .filter(Boolean)
            .join(' · ');
  return (
    <div className="space-y-1">
      <span id={labelId} className="sr-only">
        {tr(t.direction === 'send' ? 'transfer.progress.sending' : 'transfer.progress.receiving', {
          count: t.files.length,
        })}
      </span>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%`}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className="h-full rounded-full bg-violet-600 transition-[width]"
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="text-sm text-slate-700">
        <span className="font-semibold">{percent}%</span> {status}
      </p>
    </div>
  );
}

function CancelButton({ t, controller }: { t: TransferSnapshot; controller: TransferController }) {
  const { t: tr } = useTranslation();
  return (
    <Button variant="danger" className="w-full" onClick={() => void controller.cancel(t.id)}>
      {tr('transfer.cancel')}
    </Button>
  );
}
