import type { MatchStatus } from '@spotlight/contracts';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { cx } from '../../ui/cx';

/** `label` is the message key. */
const STYLES: Record<MatchStatus, { label: string; className: string }> = {
  pending: { label: 'matches.status.pending', className: 'bg-amber-100 text-amber-900' },
  accepted: { label: 'matches.status.accepted', className: 'bg-sky-100 text-sky-900' },
  completed: { label: 'matches.status.completed', className: 'bg-emerald-100 text-emerald-900' },
  rejected: { label: 'matches.status.rejected', className: 'bg-slate-200 text-slate-700' },
  cancelled: { label: 'matches.status.cancelled', className: 'bg-slate-200 text-slate-700' },
};

export const statusLabel = (status: MatchStatus) => i18next.t(STYLES[status].label);

export function StatusBadge({ status }: { status: MatchStatus }) {
  const { t } = useTranslation();
  const style = STYLES[status];
  return (
    <span
      className={cx('inline-block rounded-full px-2 py-0.5 text-xs font-semibold', style.className)}
    >
      <span className="sr-only">{t('matches.status.prefix')}</span>
      {t(style.label)}
    </span>
  );
}
