import { useQuery } from '@tanstack/react-query';
import { nameOf } from '../../ui/Avatar';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { RelativeTime } from '../../ui/RelativeTime';
import { EmptyState } from '../../ui/States';
import { useMe } from '../../shared/session';
import { AUDIT_LABELS } from './labels';
import { auditQuery } from './queries';

/** Every moderation action, newest first: who did what to whom, and why (admins). */
export function AuditLogPage() {
  const me = useMe();
  const log = useQuery({ ...auditQuery(), enabled: me.isAdmin });
  return (
    <div className="space-y-4 p-4">
      <PageHeader title="Audit log" back={{ to: '/moderation', label: 'Back to Moderation' }} />
      {!me.isAdmin ? (
        <EmptyState title="Only for admins">The site admins read the audit log.</EmptyState>
      ) : (
        <QueryState query={log} what="the audit log">
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState title="Nothing yet">Moderation actions are listed here.</EmptyState>
            ) : (
              <ol className="space-y-2" aria-label="Moderation actions">
                {data.items.map((entry) => (
                  <li key={entry.id} className="rounded-2xl bg-white p-3 text-sm shadow-sm">
                    <p className="[overflow-wrap:anywhere]">
                      <span className="font-semibold">{nameOf(entry.actor)}</span>{' '}
                      {AUDIT_LABELS[entry.action]}{' '}
                      <span className="font-semibold">{nameOf(entry.target)}</span>
                      {entry.reportId ? ` (report #${entry.reportId})` : ''}
                    </p>
                    {entry.note && (
                      <p className="mt-1 text-slate-700 [overflow-wrap:anywhere]">“{entry.note}”</p>
                    )}
                    <RelativeTime
                      value={entry.createdAt}
                      className="mt-1 block text-xs text-slate-500"
                    />
                  </li>
                ))}
              </ol>
            )
          }
        </QueryState>
      )}
    </div>
  );
}
