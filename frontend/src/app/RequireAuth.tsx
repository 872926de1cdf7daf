import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useAuth } from '../features/auth/AuthContext';
import { errorMessage } from '../lib/errors';
import { Loading } from '../ui/Spinner';
import { ErrorState } from '../ui/States';

/** Full-screen states before we know who the user is. */
function Gate({ children }: { children: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-[100dvh] max-w-md flex-col justify-center gap-4 p-4">
      <p className="text-center text-2xl font-bold text-violet-700">spotlight.cam</p>
      {children}
    </main>
  );
}

/** The app shell when it cannot reach the server at all (opened offline from the SW cache). */
export function OfflineShell() {
  return (
    <Gate>
      <div
        role="status"
        className="rounded-2xl border border-amber-200 bg-amber-50 p-4 text-amber-900"
      >
        <p className="font-semibold">You’re offline</p>
        <p className="mt-1 text-sm">
          spotlight.cam needs a connection to sign you in and load your events. It will carry on by
          itself as soon as you’re back online.
        </p>
      </div>
    </Gate>
  );
}

/** Pages behind a session; anyone else goes to the login page and comes back after. */
export function RequireAuth() {
  const { status, error, retry } = useAuth();
  const location = useLocation();
  if (status === 'authenticated') return <Outlet />;
  if (status === 'anonymous') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (status === 'offline') return <OfflineShell />;
  if (status === 'error') {
    return (
      <Gate>
        <ErrorState
          title="Can’t reach spotlight.cam"
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

/** Login and Register: a signed-in user goes straight to the app. */
export function RedirectIfSignedIn() {
  const { status } = useAuth();
  if (status === 'authenticated') return <Navigate to="/events" replace />;
  if (status === 'offline') return <OfflineShell />;
  if (status === 'loading') {
    return (
      <Gate>
        <Loading />
      </Gate>
    );
  }
  return <Outlet />;
}
