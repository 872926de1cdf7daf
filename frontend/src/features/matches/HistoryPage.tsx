import type { Match } from '@spotlight/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
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
  return (
    <div className="space-y-5 p-4">
      <PageHeader title="Matches" subtitle="Requests, partners and history" />
      <QueryState query={matches} what="your matches">
        {(data) => {
          const all = data.pages.flatMap((page) => page.items);
          if (all.length === 0) {
            return (
              <EmptyState title="No matches yet">
                <p>Open an event chat and ask someone to be your recording partner.</p>
                <ButtonLink to="/events" className="mt-3">
                  Find your event
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
              <Section title="Requests for you" matches={requests} />
              <Section title="Active" matches={active} />
              <Section title="History" matches={past}>
                {past.length === 0 && (
                  <p className="text-sm text-slate-600">No past matches yet.</p>
                )}
              </Section>
              <ShowMore pages={matches}>Show older matches</ShowMore>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
