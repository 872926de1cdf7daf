import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ButtonLink } from '../../ui/Button';
import { SelectField } from '../../ui/Field';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { EmptyState } from '../../ui/States';
import { useMe } from '../../shared/session';
import { STATUS_LABELS } from './labels';
import { queueQuery, type QueueStatus } from './queries';
import { ReportCard } from './ReportCard';

const FILTERS: { value: QueueStatus; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'resolved', label: STATUS_LABELS.resolved },
  { value: 'dismissed', label: STATUS_LABELS.dismissed },
  { value: 'all', label: 'All reports' },
];

/**
 * The report queue: every report for admins, those of their events for organisers, with the
 * actions to close each one. Admins also reach the audit log from here.
 */
export function ModerationPage() {
  const me = useMe();
  const allowed = me.isAdmin || me.organiserOf.length > 0;
  const [status, setStatus] = useState<QueueStatus>('open');
  const queue = useQuery({ ...queueQuery(status), enabled: allowed });

  return (
    <div className="space-y-4 p-4">
      <PageHeader
        title="Moderation"
        subtitle={me.isAdmin ? 'Every report' : 'Reports at the events you organise'}
        actions={
          me.isAdmin ? (
            <ButtonLink to="/moderation/audit" variant="secondary" className="shrink-0 px-3">
              Audit log
            </ButtonLink>
          ) : undefined
        }
      />
      {!allowed ? (
        <EmptyState title="Only for organisers and admins">
          The organisers of an event and the site admins review reports here.
        </EmptyState>
      ) : (
        <>
          <SelectField
            label="Show"
            value={status}
            onChange={(e) => setStatus(e.target.value as QueueStatus)}
            options={FILTERS}
          />
          <QueryState query={queue} what="the reports">
            {(data) =>
              data.items.length === 0 ? (
                <EmptyState title={status === 'open' ? 'No open reports' : 'No reports here'}>
                  {status === 'open' ? 'Nothing to review right now.' : null}
                </EmptyState>
              ) : (
                <ul className="space-y-3" aria-label="Reports">
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
