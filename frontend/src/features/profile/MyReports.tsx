import { api, PAGE_SIZE_MAX } from '@spotlight/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiCall } from '../../lib/api/client';
import { nameOf } from '../../ui/Avatar';
import { QueryState } from '../../ui/QueryState';
import { RelativeTime } from '../../ui/RelativeTime';
import { REASON_LABELS } from './labels';

export const myReportsKey = ['reports', 'mine'] as const;

const myReportsQuery = () =>
  queryOptions({
    queryKey: myReportsKey,
    queryFn: ({ signal }) =>
      apiCall(api.reports.list, { query: { page: 1, limit: PAGE_SIZE_MAX } }, { signal }),
  });

const STATUS: Record<string, string> = {
  open: 'Waiting for review',
  reviewing: 'Being reviewed',
  resolved: 'Resolved',
  dismissed: 'Dismissed',
};

/** The reports this dancer filed, and where each one stands. */
export function MyReports() {
  const reports = useQuery(myReportsQuery());
  return (
    <section
      aria-labelledby="my-reports-title"
      className="space-y-2 rounded-2xl bg-white p-4 shadow-sm"
    >
      <h2 id="my-reports-title" className="font-semibold text-slate-900">
        Your reports
      </h2>
      <QueryState query={reports} what="your reports">
        {(data) =>
          data.items.length === 0 ? (
            <p className="text-sm text-slate-600">You have not reported anyone.</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" aria-label="Your reports">
              {data.items.map((report) => (
                <li key={report.id} className="flex flex-wrap justify-between gap-x-2 py-2">
                  <span className="min-w-0 [overflow-wrap:anywhere]">
                    {nameOf(report.reported)} · {REASON_LABELS[report.reason]} ·{' '}
                    <RelativeTime value={report.createdAt} className="text-slate-500" />
                  </span>
                  <span className="font-semibold text-slate-800">{STATUS[report.status]}</span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
