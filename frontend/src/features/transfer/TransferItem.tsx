import { useId, useState, type ReactNode } from 'react';
import { Button } from '../../ui/Button';
import type { TransferController } from './controller';
import type { TransferSnapshot } from './engine';
import { formatBytes, formatEta, formatSpeed } from './format';

const filesLabel = (t: TransferSnapshot) =>
  t.files.length === 1 ? t.files[0]!.name : `${t.files.length} videos`;

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
        {sending ? `To ${partnerName}: ` : `From ${partnerName}: `}
        {filesLabel(t)} ({formatBytes(t.totalBytes)})
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
  switch (t.phase) {
    case 'incoming':
      return <Offer t={t} controller={controller} partnerName={partnerName} />;
    case 'offering':
      return (
        <Row>
          <p className="text-sm text-slate-700">Waiting for {partnerName} to accept…</p>
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
          Delivered to {partnerName} and checked: identical to yours.
        </p>
      ) : (
        <p className="text-sm text-emerald-800">Received: it is under Videos.</p>
      );
    case 'declined':
      return (
        <p className="text-sm text-slate-700">
          {t.direction === 'send' ? `${partnerName} declined.` : 'You declined.'}
          {t.error?.message && t.error.code !== 'declined_by_peer' ? ` ${t.error.message}.` : ''}
        </p>
      );
    case 'cancelled':
      return (
        <p className="text-sm text-slate-700">
          {t.error?.code === 'cancelled_by_peer'
            ? `${partnerName} cancelled the transfer.`
            : 'You cancelled the transfer.'}
        </p>
      );
    case 'failed':
      return (
        <p className="text-sm text-red-800">
          The transfer failed{t.error ? `: ${t.error.message}` : ''}.
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
  const [busy, setBusy] = useState(false);
  const space = t.space;
  const tooBig =
    t.storage?.maxFileSize != null && t.files.some((f) => f.size > t.storage!.maxFileSize!);
  return (
    <>
      <p className="text-base text-slate-800">
        {partnerName} wants to send you {t.files.length === 1 ? 'a video' : 'videos'} of{' '}
        {formatBytes(t.totalBytes)}.
        {space?.available != null &&
          space.ok &&
          ` This phone has ${formatBytes(space.available)} free for the app.`}
      </p>
      {!t.storage && (
        <p className="text-sm text-red-800">This browser can’t store videos. Ask for a link.</p>
      )}
      {tooBig && (
        <p className="text-sm text-red-800">
          Too big for this browser’s storage (at most {formatBytes(t.storage!.maxFileSize!)} per
          video). Ask for a link.
        </p>
      )}
      {space && !space.ok && (
        <p className="text-sm text-red-800">
          Not enough free space on this phone for this {formatBytes(t.totalBytes)} video
          {space.available != null && ` (${formatBytes(space.available)} free for the app)`}. Free
          up some space or ask for a link.
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
          Accept
        </Button>
        <Button
          variant="secondary"
          className="min-h-14 text-base"
          onClick={() => controller.decline(t.id)}
        >
          Decline
        </Button>
      </div>
    </>
  );
}

function Progress({ t, paused }: { t: TransferSnapshot; paused: string }) {
  const labelId = useId();
  const percent = Math.floor(t.progress * 100);
  const status =
    t.phase === 'paused'
      ? paused
      : t.phase === 'verifying'
        ? 'Checking the whole file…'
        : [
            `${formatBytes(t.bytesDone)} of ${formatBytes(t.totalBytes)}`,
            t.speed != null ? formatSpeed(t.speed) : null,
            t.eta != null ? `${formatEta(t.eta)} left` : null,
          ]
            .filter(Boolean)
            .join(' · ');
  return (
    <div className="space-y-1">
      <span id={labelId} className="sr-only">
        {t.direction === 'send' ? 'Sending' : 'Receiving'} {filesLabelShort(t)}
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

const filesLabelShort = (t: TransferSnapshot) =>
  t.files.length === 1 ? 'the video' : `${t.files.length} videos`;

function CancelButton({ t, controller }: { t: TransferSnapshot; controller: TransferController }) {
  return (
    <Button variant="danger" className="w-full" onClick={() => void controller.cancel(t.id)}>
      Cancel
    </Button>
  );
}
