import type { MatchingRun } from '@spotlight/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/errors';
import { formatRelative } from '../../../lib/time';
import { Button } from '../../../ui/Button';
import { QueryState } from '../../../ui/QueryState';
import { useRunMatching } from '../mutations';
import { matchingRunsQuery } from '../queries';

const percent = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 100);

function RunEntry({ run }: { run: MatchingRun }) {
  const { t } = useTranslation();
  const { inputs } = run;
  return (
    <li className="space-y-1 py-3 text-sm">
      <p className="flex flex-wrap justify-between gap-x-2">
        <span className="font-semibold text-slate-900">
          {run.trigger === 'deadline' ? t('heats.runs.afterDeadline') : t('heats.runs.byOrganiser')}
        </span>
        <time dateTime={run.createdAt} className="text-slate-500">
          {formatRelative(run.createdAt)}
        </time>
      </p>
      <p className="text-slate-700">
        {t('heats.runs.summary', {
          covered: run.covered,
          demands: inputs.demands,
          upperBound: run.upperBound,
          created: run.created,
          withdrawn: run.withdrawn,
          kept: inputs.kept,
          declined: inputs.declined,
        })}
      </p>
      <p className="text-xs text-slate-500 [overflow-wrap:anywhere]">
        {t('heats.runs.inputs', {
          dancers: inputs.dancers,
          recorders: inputs.recorders,
          heats: inputs.heats,
          checkedInOnly: inputs.checkedInOnly ? t('heats.runs.checkedInOnly') : '',
          algorithm: run.algorithm,
          durationMs: run.durationMs,
          fairnessSpread: run.fairnessSpread,
        })}
      </p>
    </li>
  );
}

/** Run matching now, and what came of it: coverage now, and the log of every run. */
export function MatchingRunsPanel({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const runs = useQuery(matchingRunsQuery(eventId));
  const run = useRunMatching(eventId);

  return (
    <div className="space-y-3">
      <Button className="w-full" busy={run.isPending} onClick={() => run.mutate()}>
        {run.isPending ? t('heats.runs.running') : t('heats.runs.run')}
      </Button>
      {run.isPending && (
        <p role="status" className="text-sm text-slate-600">
          {t('heats.runs.inProgress')}
        </p>
      )}
      {run.data && !run.isPending && (
        <p role="status" className="text-sm text-emerald-800">
          {t('heats.runs.done', {
            created: run.data.created,
            covered: run.data.covered,
            demands: run.data.inputs.demands,
          })}
        </p>
      )}
      {run.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(run.error)}
        </p>
      )}
      <QueryState query={runs} what={t('heats.runs.loading')}>
        {({ coverage, runs: log }) => (
          <>
            <div className="space-y-1">
              <p className="flex flex-wrap justify-between gap-x-2 text-sm">
                <span className="font-medium text-slate-800">{t('heats.runs.coverage')}</span>
                <span className="text-slate-700" aria-live="polite">
                  {t('heats.runs.coverageValue', {
                    covered: coverage.covered,
                    declared: coverage.declared,
                    accepted: coverage.accepted,
                  })}
                </span>
              </p>
              <div
                role="meter"
                aria-label={t('heats.runs.coverageLabel')}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent(coverage.covered, coverage.declared)}
                className="h-2 overflow-hidden rounded-full bg-slate-200"
              >
                <div
                  className="h-full bg-violet-600"
                  style={{ width: `${percent(coverage.covered, coverage.declared)}%` }}
                />
              </div>
            </div>
            <h3 className="pt-2 text-sm font-semibold text-slate-900">
              {t('heats.runs.runsTitle')}
            </h3>
            {log.length === 0 ? (
              <p className="text-sm text-slate-600">{t('heats.runs.none')}</p>
            ) : (
              <ol aria-label={t('heats.runs.listLabel')} className="divide-y divide-slate-100">
                {log.map((entry) => (
                  <RunEntry key={entry.id} run={entry} />
                ))}
              </ol>
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}
