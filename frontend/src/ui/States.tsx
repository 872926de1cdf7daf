import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

export function ErrorState({
  title,
  message,
  onRetry,
}: {
  title?: string;
  message?: string;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="rounded-2xl border border-red-200 bg-red-50 p-4 text-red-900">
      <p className="font-semibold">{title ?? t('common.error')}</p>
      {message && <p className="mt-1 text-sm">{message}</p>}
      {onRetry && (
        <Button variant="secondary" className="mt-3" onClick={onRetry}>
          {t('common.tryAgain')}
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
export function OfflineState({ what }: { what?: string }) {
  const { t } = useTranslation();
  return (
    <div
      role="status"
      className="rounded-2xl border border-amber-200 bg-amber-50 p-4 text-amber-900"
    >
      <p className="font-semibold">{t('common.offline')}</p>
      <p className="mt-1 text-sm">
        {t('common.offlineBody', { what: what ?? t('common.thisPage') })}
      </p>
    </div>
  );
}
