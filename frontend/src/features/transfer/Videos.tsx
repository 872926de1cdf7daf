import { useEffect, useId, useState } from 'react';
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
  const headingId = useId();
  if (received.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h3 id={headingId} className="font-semibold text-slate-900">
        Videos
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
              <p className="text-sm text-emerald-800">
                Received and checked: identical to the original.
              </p>
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
  const [note, setNote] = useState<string | null>(null);
  const [playing, setPlaying] = useState<string | null>(null);
  const canShare = typeof navigator !== 'undefined' && typeof navigator.canShare === 'function';
  useEffect(() => () => void (playing && URL.revokeObjectURL(playing)), [playing]);

  const file = async () => {
    try {
      return await controller.getFile(t.id, index);
    } catch {
      setNote('The video is no longer stored on this phone.');
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
        setNote('This phone can’t share this video; use Save instead.');
        return;
      }
      await navigator.share({ files: [f], title: f.name });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      setNote('Sharing didn’t work; use Save instead.');
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
          aria-label={`${playing ? 'Stop' : 'Play'} ${name}`}
        >
          {playing ? 'Stop' : 'Play'}
        </Button>
        <Button onClick={() => void handleSave()} aria-label={`Save ${name}`}>
          Save
        </Button>
        {canShare && (
          <Button
            variant="secondary"
            onClick={() => void handleShare()}
            aria-label={`Share ${name}`}
          >
            Share
          </Button>
        )}
      </div>
      {note && (
        <p role="status" className="text-sm text-slate-700">
          {note}
        </p>
      )}
    </div>
  );
}
