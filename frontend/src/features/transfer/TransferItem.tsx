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
}: {
  snapshot: TransferSnapshot;
  controller: TransferController;
  partnerName: string;
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
      <Body t={t} controller={controller} partnerName={partnerName} />
    </li>
  );
}

function Body({
  t,
  controller,
  partnerName,
}: {
  t: TransferSnapshot;
  controller: TransferController;
  partnerName: string;
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
          <Progress t={t} />
          <CancelButton t={t} controller={controller} />
        </>
      );
    case 'completed':
      return t.direction === 'send' ? (
        <p className="text-sm text-emerald-800">
          Delivered to {partnerName} and checked: identical to yours.
        </p>
      ) : (
        <Received t={t} controller={controller} />
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
      <p className="text-sm text-slate-700">
        {partnerName} wants to send you {t.files.length === 1 ? 'a video' : 'videos'}.
        {space?.available != null &&
          ` It needs ${formatBytes(space.required)}; this phone has ${formatBytes(space.available)} free for the app.`}
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
          Not enough free space on this phone. Free up {formatBytes(space.required)} or ask for a
          link.
        </p>
      )}
      <div className="grid grid-cols-2 gap-2">
        <Button
          busy={busy}
          onClick={() => {
            setBusy(true);
            void controller.accept(t.id).finally(() => setBusy(false));
          }}
        >
          Accept
        </Button>
        <Button variant="secondary" onClick={() => controller.decline(t.id)}>
          Decline
        </Button>
      </div>
    </>
  );
}

function Progress({ t }: { t: TransferSnapshot }) {
  const labelId = useId();
  const percent = Math.floor(t.progress * 100);
  const status =
    t.phase === 'paused'
      ? 'Paused: the connection dropped. It continues by itself from where it stopped.'
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

function Received({ t, controller }: { t: TransferSnapshot; controller: TransferController }) {
  const [note, setNote] = useState<string | null>(null);
  const canShare = typeof navigator !== 'undefined' && typeof navigator.canShare === 'function';

  const handleSave = async (index: number) => {
    try {
      const file = await controller.getFile(t.id, index);
      const url = URL.createObjectURL(file);
      const a = document.createElement('a');
      a.href = url;
      a.download = file.name;
      a.click();
      // The download has its own reference by now; the URL only has to outlive the click.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setNote(null);
    } catch {
      setNote('The video is no longer stored on this phone.');
    }
  };

  const handleShare = async (index: number) => {
    try {
      const file = await controller.getFile(t.id, index);
      if (!navigator.canShare({ files: [file] })) {
        setNote('This phone can’t share this video; use Save instead.');
        return;
      }
      await navigator.share({ files: [file], title: file.name });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      setNote('Sharing didn’t work; use Save instead.');
    }
  };

  return (
    <div className="space-y-2">
      <p className="text-sm text-emerald-800">Received and checked: identical to the original.</p>
      {t.files.map((f) => (
        <div key={f.index} className="space-y-1">
          {t.files.length > 1 && (
            <p className="text-sm text-slate-700 [overflow-wrap:anywhere]">{f.name}</p>
          )}
          <div className={canShare ? 'grid grid-cols-2 gap-2' : 'grid grid-cols-1'}>
            <Button onClick={() => void handleSave(f.index)} aria-label={`Save ${f.name}`}>
              Save
            </Button>
            {canShare && (
              <Button
                variant="secondary"
                onClick={() => void handleShare(f.index)}
                aria-label={`Share ${f.name}`}
              >
                Share
              </Button>
            )}
          </div>
        </div>
      ))}
      {note && (
        <p role="status" className="text-sm text-slate-700">
          {note}
        </p>
      )}
    </div>
  );
}
