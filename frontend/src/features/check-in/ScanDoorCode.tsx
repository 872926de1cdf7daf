import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Button } from '../../ui/Button';
import { cameraErrorMessage, checkInPath, createFrameDecoder } from './scan';

const SCAN_EVERY_MS = 250;

/** The camera, reading frames until one holds a check-in code; then it opens that link. */
function Scanner({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [notOurs, setNotOurs] = useState(false);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('', 'NotSupportedError');
      stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment' },
        audio: false,
      });
      if (stopped || !video.current) return;
      video.current.srcObject = stream;
      await video.current.play();
      const decode = await createFrameDecoder();
      const tick = async () => {
        if (stopped || !video.current) return;
        const text = await decode(video.current).catch(() => undefined);
        if (stopped) return;
        const path = text === undefined ? undefined : checkInPath(text);
        if (path) return navigate(path);
        if (text !== undefined) setNotOurs(true);
        timer = setTimeout(() => void tick(), SCAN_EVERY_MS);
      };
      void tick();
    };

    start().catch((e: unknown) => {
      if (!stopped) setError(cameraErrorMessage(e));
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [navigate]);

  return (
    <div className="space-y-3 rounded-2xl bg-white p-3 shadow-sm">
      {error ? (
        <p role="alert" className="rounded-xl bg-amber-50 p-3 text-sm text-amber-900">
          {error}
        </p>
      ) : (
        <>
          <video
            ref={video}
            muted
            playsInline
            aria-label={t('checkIn.camera')}
            className="aspect-square w-full rounded-xl bg-slate-900 object-cover"
          />
          <p role="status" className="text-center text-sm text-slate-600">
            {notOurs ? t('checkIn.notOurs') : t('checkIn.looking')}
          </p>
        </>
      )}
      <Button variant="secondary" className="w-full" onClick={onClose}>
        {error ? t('checkIn.close') : t('checkIn.cancel')}
      </Button>
    </div>
  );
}

/** "Scan the code at the door": opens the camera here, in the app. */
export function ScanDoorCode({ label }: { label?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (open) return <Scanner onClose={() => setOpen(false)} />;
  return (
    <Button variant="secondary" className="w-full" onClick={() => setOpen(true)}>
      {label ?? t('checkIn.scanAtDoor')}
    </Button>
  );
}
