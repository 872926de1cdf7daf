import type { ReactNode } from 'react';
import { Button } from './Button';

export function ErrorState({
  title = 'Something went wrong',
  message,
  onRetry,
}: {
  title?: string;
  message?: string;
  onRetry?: () => void;
}) {
  return (
    <div role="alert" className="rounded-2xl border border-red-200 bg-red-50 p-4 text-red-900">
      <p className="font-semibold">{title}</p>
      {message && <p className="mt-1 text-sm">{message}</p>}
      {onRetry && (
        <Button variant="secondary" className="mt-3" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-2xl border border-dashed border-slate-300 p-6 text-center text-slate-600">
      <p className="font-semibold text-slate-800">{title}</p>
      {children && <div className="mt-2 text-sm">{children}</div>}
    </div>
  );
}

/** What a page shows when it has nothing loaded and the device is offline. */
export function OfflineState({ what = 'this page' }: { what?: string }) {
  return (
    <div
      role="status"
      className="rounded-2xl border border-amber-200 bg-amber-50 p-4 text-amber-900"
    >
      <p className="font-semibold">You’re offline</p>
      <p className="mt-1 text-sm">We’ll load {what} as soon as you’re back online.</p>
    </div>
  );
}
