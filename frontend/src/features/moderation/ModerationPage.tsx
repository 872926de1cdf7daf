import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/Button';
import { SelectField } from '../../ui/Field';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { EmptyState } from '../../ui/States';
import { useMe } from '../../shared/session';
import { STATUS_KEYS } from './labels';
import { queueQuery, type QueueStatus } from './queries';
import { ReportCard } from './ReportCard';

/** The queue's filters, each with the message key of its label. */
const FILTERS: { value: QueueStatus; label: string }[] = [
  { value: 'open', label: STATUS_KEYS.open },
  { value: 'resolved', label: STATUS_KEYS.resolved },
  { value: 'dismissed', label: STATUS_KEYS.dismissed },
  { value: 'all', label: 'moderation.allReports' },
];

/**
 * The report queue: every report for admins, those of their events for organisers, with the
 * actions to close each one. Admins also reach the audit log from here.
 */
export function ModerationPage() {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = me.isAdmin || me.organiserOf.length > 0;
  const [status, setStatus] = useState<QueueStatus>('open');
  const queue = useQuery({ ...queueQuery(status), enabled: allowed });

  return (
    <div className="space-y-4 p-4">
      <PageHeader
        title={t('moderation.title')}
        subtitle={me.isAdmin ? t('moderation.everyReport') : t('moderation.yourEvents')}
        actions={
          me.isAdmin ? (
            <ButtonLink to="/moderation/audit" variant="secondary" className="shrink-0 px-3">
              {t('moderation.auditLog')}
            </ButtonLink>
          ) : undefined
        }
      />
      {!allowed ? (
        <EmptyState title={t('moderation.onlyOrganisers')}>
          {t('moderation.onlyOrganisersBody')}
        </EmptyState>
      ) : (
        <>
          <SelectField
            label={t('moderation.show')}
            value={status}
            onChange={(e) => setStatus(e.target.value as QueueStatus)}
            options={FILTERS.map((filter) => ({ ...filter, label: t(filter.label) }))}
          />
          <QueryState query={queue} what={t('moderation.loading')}>
            {(data) =>
              data.items.length === 0 ? (
                <EmptyState
                  title={status === 'open' ? t('moderation.noOpen') : t('moderation.noneHere')}
                >
                  {status === 'open' ? t('moderation.nothingToReview') : null}
                </EmptyState>
              ) : (
                <ul className="space-y-3" aria-label={t('moderation.reports')}>
                  {data.items.map((report) => (
                    <li key={report.id}>
                      <ReportCard report={report} isAdmin={me.isAdmin} />
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryState>
        </>
      )}
    </div>
  );
}
