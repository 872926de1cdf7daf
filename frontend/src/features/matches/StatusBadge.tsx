import type { MatchStatus } from '@spotlight/contracts';
import { cx } from '../../ui/cx';

const STYLES: Record<MatchStatus, { label: string; className: string }> = {
  pending: { label: 'Pending', className: 'bg-amber-100 text-amber-900' },
  accepted: { label: 'Accepted', className: 'bg-sky-100 text-sky-900' },
  completed: { label: 'Completed', className: 'bg-emerald-100 text-emerald-900' },
  rejected: { label: 'Declined', className: 'bg-slate-200 text-slate-700' },
  cancelled: { label: 'Cancelled', className: 'bg-slate-200 text-slate-700' },
};

export const statusLabel = (status: MatchStatus) => STYLES[status].label;

export function StatusBadge({ status }: { status: MatchStatus }) {
  const style = STYLES[status];
  return (
    <span
      className={cx('inline-block rounded-full px-2 py-0.5 text-xs font-semibold', style.className)}
    >
      <span className="sr-only">Status: </span>
      {style.label}
    </span>
  );
}
