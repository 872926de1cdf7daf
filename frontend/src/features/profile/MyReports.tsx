import { api, PAGE_SIZE_MAX } from '@spotlight/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiCall } from '../../lib/api/client';
import { nameOf } from '../../ui/Avatar';
import { QueryState } from '../../ui/QueryState';
import { RelativeTime } from '../../ui/RelativeTime';
import { REASON_KEYS } from './labels';

export const myReportsKey = ['reports', 'mine'] as const;

const myReportsQuery = () =>
  queryOptions({
    queryKey: myReportsKey,
    queryFn: ({ signal }) =>
      apiCall(api.reports.list, { query: { page: 1, limit: PAGE_SIZE_MAX } }, { signal }),
  });

const STATUS: Record<string, string> = {
  open: 'profile.reports.status.open',
  reviewing: 'profile.reports.status.reviewing',
  resolved: 'profile.reports.status.resolved',
  dismissed: 'profile.reports.status.dismissed',
};

/** The reports this dancer filed, and where each one stands. */
export function MyReports() {
  const { t } = useTranslation();
  const reports = useQuery(myReportsQuery());
  return (
    <section
      aria-labelledby="my-reports-title"
      className="space-y-2 rounded-2xl bg-white p-4 shadow-sm"
    >
      <h2 id="my-reports-title" className="font-semibold text-slate-900">
        {t('profile.reports.title')}
      </h2>
      <QueryState query={reports} what={t('profile.reports.loading')}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="text-sm text-slate-600">{t('profile.reports.none')}</p>
          ) : (
            <ul
              className="divide-y divide-slate-100 text-sm"
              aria-label={t('profile.reports.title')}
            >
              {data.items.map((report) => (
                <li key={report.id} className="flex flex-wrap justify-between gap-x-2 py-2">
                  <span className="min-w-0 [overflow-wrap:anywhere]">
                    {nameOf(report.reported)} · {t(REASON_KEYS[report.reason])} ·{' '}
                    <RelativeTime value={report.createdAt} className="text-slate-500" />
                  </span>
                  <span className="font-semibold text-slate-800">{t(STATUS[report.status]!)}</span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
