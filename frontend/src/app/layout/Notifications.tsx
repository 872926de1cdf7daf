import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { appUpdate } from '../../features/pwa/serviceWorker'; // not the index: see main.tsx
import { nameOf } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { socketClient } from '../../shared/socket';
import { TOAST_MS, withToast, type Toast } from './toasts';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';

/**
 * Live match news as a toast (the data itself is already in the cache and the badge). It goes
 * away when dismissed, when its page is opened, or after a while.
 */
export function MatchToasts() {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const { pathname } = useLocation();
  const here = useRef(pathname);
  here.current = pathname;

  useEffect(() => {
    setToasts((list) =>
      list.some((t) => t.to === pathname) ? list.filter((t) => t.to !== pathname) : list,
    );
  }, [pathname]);

  useEffect(() => {
    if (toasts.length === 0) return;
    const oldest = toasts[0]!;
    const timer = setTimeout(() => setToasts((list) => list.filter((t) => t !== oldest)), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toasts]);

  useEffect(() => {
    const push = (toast: Toast) => setToasts((list) => withToast(list, toast, here.current));
    const offs = [
      socketClient.on('matchRequestReceived', ({ fromUser, match }) =>
        push({
          id: match.id * 10,
          text: i18next.t('layout.toast.requested', { name: nameOf(fromUser) }),
          to: `/matches/${match.id}`,
        }),
      ),
      // Both dancers hear match_accepted; only the one who asked needs telling.
      socketClient.on('matchAccepted', ({ partner, match }) =>
        match.role !== 'requester'
          ? undefined
          : push({
              id: match.id * 10 + 1,
              text: i18next.t('layout.toast.accepted', { name: nameOf(partner) }),
              to: `/matches/${match.id}`,
            }),
      ),
    ];
    return () => offs.forEach((off) => off());
  }, []);

  if (toasts.length === 0) return null;
  const dismiss = (id: number) => setToasts((list) => list.filter((t) => t.id !== id));
  // Over the page's header, not above it: the page does not move when a toast comes.
  return (
    <div className="pointer-events-none fixed inset-x-0 top-0 z-30 mx-auto w-full max-w-lg space-y-2 px-3 pt-[max(0.5rem,env(safe-area-inset-top))]">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          role="status"
          className="pointer-events-auto flex items-center gap-2 rounded-2xl bg-violet-700 p-2 pl-3 text-sm text-white shadow-lg"
        >
          <p className="flex-1">{toast.text}</p>
          <Link
            to={toast.to}
            onClick={() => dismiss(toast.id)}
            className="inline-flex min-h-11 items-center rounded-xl bg-white px-3 font-semibold text-violet-800"
          >
            {t('layout.toast.view')}
          </Link>
          <button
            type="button"
            onClick={() => dismiss(toast.id)}
            className="min-h-11 min-w-11 rounded-xl"
            aria-label={t('layout.toast.dismiss')}
          >
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}

/** A new version of the app is downloaded: offer to reload when convenient. */
export function UpdateToast() {
  const { t } = useTranslation();
  const available = useSyncExternalStore(appUpdate.subscribe, appUpdate.available);
  if (!available) return null;
  return (
    <div
      role="status"
      className="flex items-center gap-2 bg-slate-900 px-4 py-2 text-sm text-white"
    >
      <p className="flex-1">{t('layout.toast.update')}</p>
      <Button variant="secondary" className="px-3" onClick={appUpdate.apply}>
        {t('layout.toast.reload')}
      </Button>
    </div>
  );
}
