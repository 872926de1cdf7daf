import { useQuery } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { nameOf } from '../../ui/Avatar';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { RelativeTime } from '../../ui/RelativeTime';
import { EmptyState } from '../../ui/States';
import { useMe } from '../../shared/session';
import { AUDIT_KEYS } from './labels';
import { auditQuery } from './queries';

/** Every moderation action, newest first: who did what to whom, and why (admins). */
export function AuditLogPage() {
  const { t } = useTranslation();
  const me = useMe();
  const log = useQuery({ ...auditQuery(), enabled: me.isAdmin });
  return (
    <div className="space-y-4 p-4">
      <PageHeader
        title={t('moderation.audit.title')}
        back={{ to: '/moderation', label: t('moderation.audit.back') }}
      />
      {!me.isAdmin ? (
        <EmptyState title={t('moderation.audit.onlyAdmins')}>
          {t('moderation.audit.onlyAdminsBody')}
        </EmptyState>
      ) : (
        <QueryState query={log} what={t('moderation.audit.loading')}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState title={t('moderation.audit.nothingYet')}>
                {t('moderation.audit.empty')}
              </EmptyState>
            ) : (
              <ol className="space-y-2" aria-label={t('moderation.audit.list')}>
                {data.items.map((entry) => (
                  <li key={entry.id} className="rounded-2xl bg-white p-3 text-sm shadow-sm">
                    <p className="[overflow-wrap:anywhere]">
                      <Trans
                        i18nKey={AUDIT_KEYS[entry.action]}
                        components={{
                          actor: <span className="font-semibold">{nameOf(entry.actor)}</span>,
                          target: <span className="font-semibold">{nameOf(entry.target)}</span>,
                        }}
                      />
                      {entry.reportId
                        ? ` ${t('moderation.audit.report', { id: entry.reportId })}`
                        : ''}
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
