import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { QueryState } from '../../ui/QueryState';
import { dashboardQuery, formatSuccessRate } from './queries';

function Tile({
  label,
  value,
  detail,
}: {
  label: string;
  value: string | number;
  detail?: string;
}) {
  return (
    <div className="rounded-xl bg-slate-50 p-3">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums text-slate-900">{value}</dd>
      {detail && <dd className="text-xs text-slate-500">{detail}</dd>}
    </div>
  );
}

/**
 * The event at a glance for its organisers: dancers joined and checked in, matches, heats
 * covered by a recorder, and the transfers' success rate. Two tiles a row on a phone.
 */
export function DashboardSection({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const dashboard = useQuery(dashboardQuery(eventId));

  return (
    <section
      aria-labelledby="dashboard-title"
      className="space-y-3 rounded-2xl bg-white p-4 shadow-sm"
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id="dashboard-title" className="font-semibold text-slate-900">
          {t('organiser.dashboard.title')}
        </h2>
        <Button
          variant="ghost"
          className="px-3"
          busy={dashboard.isFetching}
          onClick={() => void dashboard.refetch()}
        >
          {t('organiser.dashboard.refresh')}
        </Button>
      </div>
      <QueryState query={dashboard} what={t('organiser.dashboard.loading')}>
        {(data) => {
          const { matches, recordings, transfers } = data;
          return (
            <dl className="grid grid-cols-2 gap-2" aria-label={t('organiser.dashboard.title')}>
              <Tile label={t('organiser.dashboard.joined')} value={data.joined} />
              <Tile label={t('organiser.dashboard.checkedIn')} value={data.checkedIn} />
              <Tile label={t('organiser.dashboard.matchesPending')} value={matches.pending} />
              <Tile label={t('organiser.dashboard.matchesAccepted')} value={matches.accepted} />
              <Tile label={t('organiser.dashboard.matchesCompleted')} value={matches.completed} />
              <Tile
                label={t('organiser.dashboard.rejectedOrCancelled')}
                value={matches.rejected + matches.cancelled}
                detail={t('organiser.dashboard.rejectedDetail', {
                  rejected: matches.rejected,
                  cancelled: matches.cancelled,
                })}
              />
              <Tile
                label={t('organiser.dashboard.heatsCovered')}
                value={`${recordings.covered} / ${recordings.declared}`}
                detail={t('organiser.dashboard.acceptedByBoth', { accepted: recordings.accepted })}
              />
              <Tile
                label={t('organiser.dashboard.transferSuccess')}
                value={formatSuccessRate(transfers.successRate)}
                detail={t('organiser.dashboard.reported', {
                  succeeded: transfers.succeeded,
                  reported: transfers.reported,
                })}
              />
            </dl>
          );
        }}
      </QueryState>
    </section>
  );
}
