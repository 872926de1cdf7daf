import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { nextPath, useAuth } from '../shared/session';
import { errorMessage } from '../lib/errors';
import { Button } from '../ui/Button';
import { Loading } from '../ui/Spinner';
import { ErrorState } from '../ui/States';
import { useTranslation } from 'react-i18next';

/** Full-screen states before we know who the user is. */
function Gate({ children }: { children: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-[100dvh] max-w-md flex-col justify-center gap-4 p-4">
      <div className="text-center">
        <img
          src="/icons/icon-192.png"
          alt=""
          width={56}
          height={56}
          className="mx-auto rounded-2xl"
        />
        <p className="mt-2 text-2xl font-bold text-violet-700">spotlight.cam</p>
      </div>
      {children}
    </main>
  );
}

/**
 * The app shell when it cannot reach the server: opened offline from the service worker's
 * cache, or the server is down. It carries on by itself when the network returns.
 */
export function OfflineShell({ onRetry }: { onRetry?: () => void }) {
  const { t } = useTranslation();
  const offline = typeof navigator !== 'undefined' && !navigator.onLine;
  return (
    <Gate>
      <div
        role="status"
        className="rounded-2xl border border-amber-200 bg-amber-50 p-4 text-amber-900"
      >
        <p className="font-semibold">
          {offline ? t('layout.shell.offline') : t('layout.shell.unreachable')}
        </p>
        <p className="mt-1 text-sm">
          {offline ? t('layout.shell.offlineBody') : t('layout.shell.unreachableBody')}
        </p>
        {!offline && onRetry && (
          <Button variant="secondary" className="mt-3" onClick={onRetry}>
            {t('layout.shell.tryAgain')}
          </Button>
        )}
      </div>
    </Gate>
  );
}

/** Pages behind a session; anyone else goes to the login page and comes back after. */
export function RequireAuth() {
  const { t } = useTranslation();
  const { status, error, retry } = useAuth();
  const location = useLocation();
  if (status === 'authenticated') return <Outlet />;
  if (status === 'anonymous') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (status === 'offline') return <OfflineShell onRetry={retry} />;
  if (status === 'error') {
    return (
      <Gate>
        <ErrorState
          title={t('layout.shell.unreachable')}
          message={errorMessage(error)}
          onRetry={retry}
        />
      </Gate>
    );
  }
  return (
    <Gate>
      <Loading />
    </Gate>
  );
}

/**
 * Login and Register: a signed-in user goes straight to the app — to the page that sent them
 * here, when one did (this renders as soon as the session starts, before the form's own
 * navigation would).
 */
export function RedirectIfSignedIn() {
  const { status, retry } = useAuth();
  const location = useLocation();
  if (status === 'authenticated') return <Navigate to={nextPath(location.state)} replace />;
  if (status === 'offline') return <OfflineShell onRetry={retry} />;
  if (status === 'loading') {
    return (
      <Gate>
        <Loading />
      </Gate>
    );
  }
  return <Outlet />;
}
