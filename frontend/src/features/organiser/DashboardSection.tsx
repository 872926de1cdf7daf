import { useQuery } from '@tanstack/react-query';
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
  const dashboard = useQuery(dashboardQuery(eventId));

  return (
    <section
      aria-labelledby="dashboard-title"
      className="space-y-3 rounded-2xl bg-white p-4 shadow-sm"
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id="dashboard-title" className="font-semibold text-slate-900">
          Dashboard
        </h2>
        <Button
          variant="ghost"
          className="px-3"
          busy={dashboard.isFetching}
          onClick={() => void dashboard.refetch()}
        >
          Refresh
        </Button>
      </div>
      <QueryState query={dashboard} what="the dashboard">
        {(data) => {
          const { matches, recordings, transfers } = data;
          return (
            <dl className="grid grid-cols-2 gap-2" aria-label="Dashboard">
              <Tile label="Joined" value={data.joined} />
              <Tile label="Checked in" value={data.checkedIn} />
              <Tile label="Matches pending" value={matches.pending} />
              <Tile label="Matches accepted" value={matches.accepted} />
              <Tile label="Matches completed" value={matches.completed} />
              <Tile
                label="Rejected or cancelled"
                value={matches.rejected + matches.cancelled}
                detail={`${matches.rejected} rejected · ${matches.cancelled} cancelled`}
              />
              <Tile
                label="Heats covered"
                value={`${recordings.covered} / ${recordings.declared}`}
                detail={`${recordings.accepted} accepted by both`}
              />
              <Tile
                label="Transfer success"
                value={formatSuccessRate(transfers.successRate)}
                detail={`${transfers.succeeded} of ${transfers.reported} reported`}
              />
            </dl>
          );
        }}
      </QueryState>
    </section>
  );
}
