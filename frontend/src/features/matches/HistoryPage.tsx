import type { Match } from '@spotlight/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { EmptyState } from '../../ui/States';
import { useUnread } from '../notifications';
import { MatchCard } from './MatchCard';
import { matchHistoryQuery } from '../../shared/matches';
import { ShowMore } from '../../ui/ShowMore';

function Section({
  title,
  matches,
  children,
}: {
  title: string;
  matches: Match[];
  children?: ReactNode;
}) {
  const unread = useUnread();
  const unreadOf = new Map(unread.data?.chats.map((c) => [c.matchId, c.unread]) ?? []);
  if (matches.length === 0 && !children) return null;
  return (
    <section aria-label={title} className="space-y-2">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">
        {title} <span className="sr-only">({matches.length})</span>
      </h2>
      {children}
      <ul className="space-y-2">
        {matches.map((match) => (
          <MatchCard key={match.id} match={match} unread={unreadOf.get(match.id) ?? 0} />
        ))}
      </ul>
    </section>
  );
}

/** Matches: requests waiting for you, active ones, and the history with ratings. */
export function HistoryPage() {
  const matches = useInfiniteQuery(matchHistoryQuery());
  const { t } = useTranslation();
  return (
    <div className="space-y-5 p-4">
      <PageHeader title={t('matches.history.title')} subtitle={t('matches.history.subtitle')} />
      <QueryState query={matches} what={t('matches.history.yourMatches')}>
        {(data) => {
          const all = data.pages.flatMap((page) => page.items);
          if (all.length === 0) {
            return (
              <EmptyState title={t('matches.history.none')}>
                <p>{t('matches.history.noneBody')}</p>
                <ButtonLink to="/events" className="mt-3">
                  {t('matches.history.findEvent')}
                </ButtonLink>
              </EmptyState>
            );
          }
          const requests = all.filter((m) => m.status === 'pending' && m.role === 'target');
          const active = all.filter(
            (m) => m.status === 'accepted' || (m.status === 'pending' && m.role === 'requester'),
          );
          const past = all.filter(
            (m) => m.status === 'completed' || m.status === 'rejected' || m.status === 'cancelled',
          );
          return (
            <>
              <Section title={t('matches.history.requests')} matches={requests} />
              <Section title={t('matches.history.active')} matches={active} />
              <Section title={t('matches.history.past')} matches={past}>
                {past.length === 0 && (
                  <p className="text-sm text-slate-600">{t('matches.history.noPast')}</p>
                )}
              </Section>
              <ShowMore pages={matches}>{t('matches.history.showOlder')}</ShowMore>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
