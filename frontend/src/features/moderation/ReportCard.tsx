import type { QueuedReport, UserSummary } from '@spotlight/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../lib/errors';
import { nameOf } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { RelativeTime } from '../../ui/RelativeTime';
import { eventQuery } from '../../shared/events';
import { REASON_KEYS } from '../profile';
import { CloseReportForm } from './CloseReportForm';
import { ACTION_KEYS, STATUS_KEYS } from './labels';
import { useUnsuspend } from './mutations';

function Person({ user }: { user: UserSummary }) {
  return (
    <Link
      to={`/users/${user.id}`}
      className="inline-flex min-h-11 min-w-11 items-center font-medium text-violet-700 underline"
    >
      {nameOf(user)}
    </Link>
  );
}

function EventName({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const event = useQuery(eventQuery(eventId));
  return <>{event.data?.name ?? t('moderation.card.eventNumber', { id: eventId })}</>;
}

/** One report in the queue: who, why, where, and what can be done about it. */
export function ReportCard({ report, isAdmin }: { report: QueuedReport; isAdmin: boolean }) {
  const { t } = useTranslation();
  const unsuspend = useUnsuspend();
  const open = report.status === 'open' || report.status === 'reviewing';
  const name = nameOf(report.reported);
  return (
    <article
      aria-label={t('moderation.card.label', { name })}
      className="space-y-2 rounded-2xl bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="min-w-0 text-base font-semibold text-slate-900">
          <Link
            to={`/users/${report.reported.id}`}
            className="inline-flex min-h-11 min-w-11 items-center hover:underline [overflow-wrap:anywhere]"
          >
            {name}
          </Link>{' '}
          <span className="text-sm font-normal text-slate-500">@{report.reported.username}</span>
        </h2>
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700">
          {t(STATUS_KEYS[report.status])}
        </span>
      </div>
      <dl className="grid grid-cols-[auto_1fr] items-baseline gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500">{t('moderation.card.reason')}</dt>
        <dd className="font-medium">{t(REASON_KEYS[report.reason])}</dd>
        <dt className="text-slate-500">{t('moderation.card.event')}</dt>
        <dd>
          {report.eventId ? <EventName eventId={report.eventId} /> : t('moderation.card.noEvent')}
        </dd>
        <dt className="text-slate-500">{t('moderation.card.when')}</dt>
        <dd>
          <RelativeTime value={report.createdAt} />
        </dd>
        <dt className="text-slate-500">{t('moderation.card.by')}</dt>
        <dd>
          <Person user={report.reporter} />
        </dd>
      </dl>
      {report.details && (
        <p className="whitespace-pre-wrap rounded-xl bg-slate-50 p-2 text-sm [overflow-wrap:anywhere]">
          {report.details}
        </p>
      )}
      {open ? (
        <CloseReportForm report={report} isAdmin={isAdmin} />
      ) : (
        <div className="space-y-2 border-t border-slate-100 pt-2 text-sm text-slate-700">
          <p>
            {report.action && report.action !== 'none'
              ? t('moderation.card.statusAction', {
                  status: t(STATUS_KEYS[report.status]),
                  action: t(ACTION_KEYS[report.action]),
                })
              : t(STATUS_KEYS[report.status])}
            {report.resolvedAt && (
              <>
                {' · '}
                <RelativeTime value={report.resolvedAt} />
              </>
            )}
          </p>
          {report.resolutionNote && (
            <p className="[overflow-wrap:anywhere]">
              {t('moderation.card.note', { note: report.resolutionNote })}
            </p>
          )}
          {isAdmin && report.action === 'suspend' && (
            <>
              <Button
                variant="secondary"
                className="w-full"
                busy={unsuspend.isPending}
                onClick={() => unsuspend.mutate(report.reported.id)}
              >
                {t('moderation.card.lift', { name })}
              </Button>
              {unsuspend.isSuccess && (
                <p role="status" className="text-emerald-800">
                  {t('moderation.card.lifted', { name })}
                </p>
              )}
              {unsuspend.error && (
                <p role="alert" className="text-red-700">
                  {errorMessage(unsuspend.error)}
                </p>
              )}
            </>
          )}
        </div>
      )}
    </article>
  );
}
