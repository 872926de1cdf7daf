import type { MatchingRun } from '@spotlight/contracts';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../../lib/errors';
import { formatRelative } from '../../../lib/time';
import { Button } from '../../../ui/Button';
import { QueryState } from '../../../ui/QueryState';
import { useRunMatching } from '../mutations';
import { matchingRunsQuery } from '../queries';

const percent = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 100);

function RunEntry({ run }: { run: MatchingRun }) {
  const { inputs } = run;
  return (
    <li className="space-y-1 py-3 text-sm">
      <p className="flex flex-wrap justify-between gap-x-2">
        <span className="font-semibold text-slate-900">
          {run.trigger === 'deadline' ? 'After the deadline' : 'Run by an organiser'}
        </span>
        <time dateTime={run.createdAt} className="text-slate-500">
          {formatRelative(run.createdAt)}
        </time>
      </p>
      <p className="text-slate-700">
        Covered {run.covered} of {inputs.demands} heats (at most {run.upperBound} had a free
        recorder); {run.created} new, {run.withdrawn} withdrawn, {inputs.kept} kept,{' '}
        {inputs.declined} declined.
      </p>
      <p className="text-xs text-slate-500 [overflow-wrap:anywhere]">
        {inputs.dancers} dancers, {inputs.recorders} recorders, {inputs.heats} heats
        {inputs.checkedInOnly ? ', checked-in dancers only' : ''} · {run.algorithm} ·{' '}
        {run.durationMs} ms · fairness spread {run.fairnessSpread}
      </p>
    </li>
  );
}

/** Run matching now, and what came of it: coverage now, and the log of every run. */
export function MatchingRunsPanel({ eventId }: { eventId: number }) {
  const runs = useQuery(matchingRunsQuery(eventId));
  const run = useRunMatching(eventId);

  return (
    <div className="space-y-3">
      <Button className="w-full" busy={run.isPending} onClick={() => run.mutate()}>
        {run.isPending ? 'Matching…' : 'Run matching'}
      </Button>
      {run.isPending && (
        <p role="status" className="text-sm text-slate-600">
          Matching recorders to heats…
        </p>
      )}
      {run.data && !run.isPending && (
        <p role="status" className="text-sm text-emerald-800">
          Done: {run.data.created} new suggestions, {run.data.covered} of {run.data.inputs.demands}{' '}
          heats covered.
        </p>
      )}
      {run.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(run.error)}
        </p>
      )}
      <QueryState query={runs} what="the matching runs">
        {({ coverage, runs: log }) => (
          <>
            <div className="space-y-1">
              <p className="flex flex-wrap justify-between gap-x-2 text-sm">
                <span className="font-medium text-slate-800">Coverage</span>
                <span className="text-slate-700" aria-live="polite">
                  {coverage.covered} / {coverage.declared} heats covered ({coverage.accepted}{' '}
                  accepted)
                </span>
              </p>
              <div
                role="meter"
                aria-label="Heats covered"
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
            <h3 className="pt-2 text-sm font-semibold text-slate-900">Runs</h3>
            {log.length === 0 ? (
              <p className="text-sm text-slate-600">No run yet.</p>
            ) : (
              <ol aria-label="Matching runs" className="divide-y divide-slate-100">
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
