import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import type { TransferController } from './controller';
import type { TransferSnapshot } from './engine';
import { formatBytes } from './format';

/**
 * The videos that arrived from the partner, kept on this phone: play, save, share. They stay
 * here for good, also once the match is marked as done.
 */
export function Videos({
  received,
  controller,
}: {
  received: readonly TransferSnapshot[];
  controller: TransferController;
}) {
  const { t: tr } = useTranslation();
  const headingId = useId();
  if (received.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h3 id={headingId} className="font-semibold text-slate-900">
        {tr('transfer.videos.heading')}
      </h3>
      <ul className="space-y-3">
        {received.flatMap((t) =>
          t.files.map((f) => (
            <li
              key={`${t.id}-${f.index}`}
              className="space-y-2 rounded-xl border border-emerald-200 bg-emerald-50/40 p-3"
              data-transfer-id={t.id}
            >
              <p className="text-sm font-medium text-slate-900 [overflow-wrap:anywhere]">
                {f.name} ({formatBytes(f.size)})
              </p>
              <p className="text-sm text-emerald-800">{tr('transfer.videos.checked')}</p>
              <ReceivedFile t={t} index={f.index} name={f.name} controller={controller} />
            </li>
          )),
        )}
      </ul>
    </section>
  );
}

function ReceivedFile({
  t,
  index,
  name,
  controller,
}: {
  t: TransferSnapshot;
  index: number;
  name: string;
  controller: TransferController;
}) {
  const { t: tr } = useTranslation();
  /** The key of a note for the person (i18n), or null. */
  const [note, setNote] = useState<string | null>(null);
  const [playing, setPlaying] = useState<string | null>(null);
  const canShare = typeof navigator !== 'undefined' && typeof navigator.canShare === 'function';
  useEffect(() => () => void (playing && URL.revokeObjectURL(playing)), [playing]);

  const file = async () => {
    try {
      return await controller.getFile(t.id, index);
    } catch {
      setNote('transfer.videos.gone');
      return null;
    }
  };

  const handlePlay = async () => {
    if (playing) return setPlaying(null);
    const f = await file();
    if (f) setPlaying(URL.createObjectURL(f));
  };

  const handleSave = async () => {
    const f = await file();
    if (!f) return;
    const url = URL.createObjectURL(f);
    const a = document.createElement('a');
    a.href = url;
    a.download = f.name;
    a.click();
    // The download has its own reference by now; the URL only has to outlive the click.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setNote(null);
  };

  const handleShare = async () => {
    const f = await file();
    if (!f) return;
    try {
      if (!navigator.canShare({ files: [f] })) {
        setNote('transfer.videos.cannotShare');
        return;
      }
      await navigator.share({ files: [f], title: f.name });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      setNote('transfer.videos.shareFailed');
    }
  };

  return (
    <div className="space-y-2">
      {playing && (
        <video src={playing} controls autoPlay playsInline className="w-full rounded-lg bg-black">
          <track kind="captions" />
        </video>
      )}
      <div className={canShare ? 'grid grid-cols-3 gap-2' : 'grid grid-cols-2 gap-2'}>
        <Button
          variant="secondary"
          onClick={() => void handlePlay()}
          aria-label={tr(playing ? 'transfer.videos.stopName' : 'transfer.videos.playName', {
            name,
          })}
        >
          {tr(playing ? 'transfer.videos.stop' : 'transfer.videos.play')}
        </Button>
        <Button
          onClick={() => void handleSave()}
          aria-label={tr('transfer.videos.saveName', { name })}
        >
          {tr('transfer.videos.save')}
        </Button>
        {canShare && (
          <Button
            variant="secondary"
            onClick={() => void handleShare()}
            aria-label={tr('transfer.videos.shareName', { name })}
          >
            {tr('transfer.videos.share')}
          </Button>
        )}
      </div>
      {note && (
        <p role="status" className="text-sm text-slate-700">
          {tr(note)}
        </p>
      )}
    </div>
  );
}
