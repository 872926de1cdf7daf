import { useQuery } from '@tanstack/react-query';
import { toString as qrSvg } from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIdParam } from '../../lib/useIdParam';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { eventQuery } from '../../shared/events';
import { checkInCodeQuery } from './queries';

/** The QR code of `text` as an image URL (an SVG drawn by `qrcode`, never markup in the page). */
function useQrImage(text: string | undefined) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    if (!text) return;
    let current = true;
    void qrSvg(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then((svg) => {
      if (current) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      current = false;
    };
  }, [text]);
  return src;
}

/** Whole seconds until `until`, ticking once a second. */
function useSecondsLeft(until: string | undefined) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!until) return undefined;
  return Math.max(0, Math.ceil((new Date(until).getTime() - now) / 1000));
}

/** A door screen stays on: the phone or tablet must not lock while dancers arrive. */
function useWakeLock() {
  useEffect(() => {
    let lock: WakeLockSentinel | undefined;
    let released = false;
    navigator.wakeLock
      ?.request('screen')
      .then((sentinel) => {
        if (released) void sentinel.release();
        else lock = sentinel;
      })
      .catch(() => {
        // Refused (battery saver, an iframe): the screen just follows its usual timeout.
      });
    return () => {
      released = true;
      void lock?.release();
    };
  }, []);
}

/** The screen at the venue's door: a QR code that dancers scan to check in; it rotates. */
export function DoorScreenPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const event = useQuery({ ...eventQuery(id), enabled: id > 0 });
  const code = useQuery({ ...checkInCodeQuery(id), enabled: id > 0 });
  const image = useQrImage(code.data?.url);
  const secondsLeft = useSecondsLeft(code.data?.expiresAt);
  useWakeLock();

  return (
    <div className="space-y-4 p-4">
      <PageHeader
        title={event.data?.name ?? t('organiser.door.title')}
        documentTitle={t('organiser.door.title')}
        back={{ to: `/organise/${id}`, label: t('organiser.backToEvent') }}
        subtitle={t('organiser.door.subtitle')}
      />
      <QueryState query={code} what={t('organiser.door.loading')}>
        {(data) => (
          <figure className="flex flex-col items-center gap-3 rounded-2xl bg-white p-4 shadow-sm">
            {image ? (
              <img
                src={image}
                alt={t('organiser.door.qrAlt', {
                  name: event.data?.name ?? t('organiser.door.thisEvent'),
                })}
                className="aspect-square w-full max-w-sm [image-rendering:pixelated]"
              />
            ) : (
              <div className="aspect-square w-full max-w-sm animate-pulse rounded-xl bg-slate-100" />
            )}
            <figcaption className="space-y-1 text-center">
              <p className="text-lg font-semibold text-slate-900">{t('organiser.door.point')}</p>
              <p className="text-sm text-slate-600" aria-live="off">
                {secondsLeft === undefined || secondsLeft === 0
                  ? t('organiser.door.newCodeComing')
                  : t('organiser.door.newCodeIn', { seconds: secondsLeft })}
              </p>
              <p className="break-all font-mono text-xs text-slate-500">
                {t('organiser.door.code')} <span data-token>{data.token}</span>
              </p>
            </figcaption>
          </figure>
        )}
      </QueryState>
      {code.error && code.data && (
        <p role="alert" className="text-sm text-red-700">
          {t('organiser.door.retrying')}
        </p>
      )}
    </div>
  );
}
