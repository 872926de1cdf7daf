import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../ui/QueryState';
import { Stars } from '../../ui/Stars';
import { ratingStatsQuery } from '../ratings';

/** A dancer's rating statistics: average, count, "would collaborate again", distribution. */
export function RatingSummary({ userId }: { userId: number }) {
  const { t } = useTranslation();
  const stats = useQuery(ratingStatsQuery(userId));
  return (
    <section aria-labelledby={`ratings-${userId}`} className="rounded-2xl bg-white p-4 shadow-sm">
      <h2 id={`ratings-${userId}`} className="font-semibold text-slate-900">
        {t('profile.ratings.title')}
      </h2>
      <QueryState query={stats} what={t('profile.ratings.loading')}>
        {(data) =>
          data.count === 0 || data.average === null ? (
            <p className="mt-1 text-sm text-slate-600">{t('profile.ratings.none')}</p>
          ) : (
            <div className="mt-2 space-y-3">
              <p className="flex flex-wrap items-center gap-2">
                <span className="text-2xl font-bold">{data.average.toFixed(1)}</span>
                <Stars score={data.average} />
                <span className="text-sm text-slate-600">
                  {t('profile.ratings.from', { count: data.count })}
                </span>
              </p>
              {data.wouldCollaborateAgainShare !== null && (
                <p className="text-sm text-slate-700">
                  {t('profile.ratings.again', {
                    percent: Math.round(data.wouldCollaborateAgainShare * 100),
                  })}
                </p>
              )}
              <ul className="space-y-1" aria-label={t('profile.ratings.scores')}>
                {([5, 4, 3, 2, 1] as const).map((score) => {
                  const n = data.distribution[score];
                  return (
                    <li key={score} className="flex items-center gap-2 text-xs text-slate-600">
                      <span className="w-10">{score} ★</span>
                      <span
                        className="h-2 flex-1 overflow-hidden rounded-full bg-slate-100"
                        aria-hidden="true"
                      >
                        <span
                          className="block h-full rounded-full bg-amber-400"
                          style={{ width: `${(n / data.count) * 100}%` }}
                        />
                      </span>
                      <span className="w-6 text-right">{n}</span>
                    </li>
                  );
                })}
              </ul>
            </div>
          )
        }
      </QueryState>
    </section>
  );
}
