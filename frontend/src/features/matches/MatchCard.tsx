import type { Match } from '@spotlight/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Avatar, nameOf } from '../../ui/Avatar';
import { RelativeTime } from '../../ui/RelativeTime';
import { Stars } from '../../ui/Stars';
import { StatusBadge } from './StatusBadge';

/** One match in a list: partner, event, status, unread messages, and both ratings once given. */
export function MatchCard({ match, unread = 0 }: { match: Match; unread?: number }) {
  const { t } = useTranslation();
  const partner = nameOf(match.partner);
  return (
    <li className="rounded-2xl border border-slate-200 bg-white shadow-sm">
      <Link
        to={`/matches/${match.id}`}
        className="flex items-start gap-3 rounded-2xl p-3 focus-visible:outline focus-visible:outline-2 focus-visible:outline-violet-600"
      >
        <Avatar name={partner} url={match.partner.avatar} />
        <div className="min-w-0 flex-1">
          <div className="flex items-center justify-between gap-2">
            <p className="truncate font-semibold text-slate-900">{partner}</p>
            <StatusBadge status={match.status} />
          </div>
          <div className="flex items-center justify-between gap-2">
            <p className="truncate text-sm text-slate-600">{match.event.name}</p>
            {unread > 0 && (
              <span className="shrink-0 rounded-full bg-violet-700 px-2 py-0.5 text-xs font-semibold text-white">
                {unread}{' '}
                <span className="sr-only">{t('matches.card.unread', { count: unread })}</span>
                <span aria-hidden="true">{t('matches.card.new', { count: unread })}</span>
              </span>
            )}
          </div>
          <p className="text-xs text-slate-500">
            {match.role === 'requester' ? t('matches.card.youAsked') : t('matches.card.askedYou')} ·{' '}
            <RelativeTime value={match.createdAt} />
          </p>
          {match.status === 'completed' && (
            <dl className="mt-2 grid grid-cols-2 gap-2 text-xs">
              <div>
                <dt className="text-slate-500">{t('matches.card.youGave')}</dt>
                <dd>
                  {match.myRating ? (
                    <Stars score={match.myRating.score} />
                  ) : (
                    t('matches.card.notRated')
                  )}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">{t('matches.card.youReceived')}</dt>
                <dd>
                  {match.partnerRating ? (
                    <Stars score={match.partnerRating.score} />
                  ) : (
                    t('matches.card.notRated')
                  )}
                </dd>
              </div>
            </dl>
          )}
        </div>
      </Link>
    </li>
  );
}
