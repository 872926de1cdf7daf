import type { Participant } from '@spotlight/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Avatar, nameOf } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { CountryFlag } from '../../ui/CountryFlag';
import { QueryState } from '../../ui/QueryState';
import { EmptyState } from '../../ui/States';
import { Stars } from '../../ui/Stars';
import { participantsQuery } from '../../shared/events';
import { RequestPartnerButton } from '../../shared/matches';
import { useMe } from '../../shared/session';
import { DIVISION_LABELS, ROLE_LABELS } from '../profile';
import { ShowMore } from '../../ui/ShowMore';
import { useTranslation } from 'react-i18next';

/**
 * Finding a partner: everyone who joined or checked in, newest first, with role, division,
 * rating and whether they are in the chat now, each with "Request recording partner" (or where
 * the viewer's match with them stands). Shown to participants, so the viewer is one of the
 * server's total: the list and its count leave them out, and always agree.
 */
export function Participants({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const participants = useInfiniteQuery(participantsQuery(eventId));
  const pages = participants.data?.pages;
  const count = pages ? Math.max(0, pages[pages.length - 1]!.total - 1) : undefined;

  return (
    <section
      aria-labelledby="participants-title"
      className="space-y-2 rounded-2xl bg-white p-4 shadow-sm"
    >
      <h2 id="participants-title" className="font-semibold text-slate-900">
        {t('events.participants.title')}
        {count !== undefined && <span className="font-normal text-slate-600"> ({count})</span>}
      </h2>
      <QueryState query={participants} what={t('events.what.dancers')}>
        {(data) => {
          const others = data.pages.flatMap((page) => page.items).filter((d) => d.id !== me.id);
          if (count === 0) {
            return (
              <EmptyState title={t('events.participants.empty')}>
                <p>{t('events.participants.emptyBody')}</p>
                <ShareEvent />
              </EmptyState>
            );
          }
          return (
            <>
              <p className="text-sm text-slate-600">{t('events.participants.intro')}</p>
              <ul className="divide-y divide-slate-200" aria-label={t('events.participants.list')}>
                {others.map((dancer) => (
                  <DancerRow key={dancer.id} dancer={dancer} eventId={eventId} />
                ))}
              </ul>
              <ShowMore pages={participants}>
                {t('events.participants.showMore', {
                  more: Math.max(0, (count ?? 0) - others.length),
                })}
              </ShowMore>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function DancerRow({ dancer, eventId }: { dancer: Participant; eventId: number }) {
  const { t } = useTranslation();
  const name = nameOf(dancer);
  const facts = [
    // The profile's labels, through t(): a label that is a key is translated, English stays.
    dancer.danceRole && t(ROLE_LABELS[dancer.danceRole]),
    dancer.division && t(DIVISION_LABELS[dancer.division]),
  ].filter(Boolean);
  const { average, count } = dancer.rating;
  return (
    <li className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 py-3">
      <span className="relative mt-1.5 self-start">
        <Avatar name={name} url={dancer.avatar} size="md" />
        {dancer.online && (
          <span
            role="img"
            aria-label={t('events.participants.online')}
            title={t('events.participants.onlineTitle')}
            className="absolute -bottom-0.5 -right-0.5 h-3.5 w-3.5 rounded-full bg-emerald-500 ring-2 ring-white"
          />
        )}
      </span>
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-x-2">
          <Link
            to={`/users/${dancer.id}?event=${eventId}`}
            className="flex min-h-11 min-w-11 items-center font-medium text-slate-900 hover:underline"
          >
            <span dir="auto" className="[overflow-wrap:anywhere]">
              {name}
            </span>
          </Link>
          {dancer.country && <CountryFlag code={dancer.country} />}
          {dancer.checkedInAt && (
            <span className="shrink-0 rounded-full bg-violet-100 px-2 py-0.5 text-xs font-semibold text-violet-800">
              <span aria-hidden="true">✓ </span>
              {t('events.participants.checkedIn')}
            </span>
          )}
        </p>
        <p className="text-sm text-slate-700">
          {facts.length > 0 ? facts.join(' · ') : t('events.participants.noFacts')}
        </p>
        <p className="flex flex-wrap items-center gap-x-1 text-sm text-slate-600">
          {average !== null && count > 0 ? (
            <>
              <Stars score={Math.round(average * 10) / 10} count={count} />
              <span aria-hidden="true">
                {average.toFixed(1)} ({count})
              </span>
            </>
          ) : (
            t('events.participants.noRatings')
          )}
        </p>
      </div>
      <RequestPartnerButton
        eventId={eventId}
        dancer={{ id: dancer.id, name }}
        match={dancer.match}
        className="col-start-2 pt-1"
      />
    </li>
  );
}

/** The event's address to pass on: the phone's share sheet, or the clipboard. */
function ShareEvent() {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const handleShare = async () => {
    const url = window.location.href;
    try {
      if (navigator.share) {
        await navigator.share({ url });
        return;
      }
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Share sheet closed, or no clipboard access: nothing to undo.
    }
  };
  return (
    <div className="mt-3 space-y-1">
      <Button variant="secondary" onClick={() => void handleShare()}>
        {t('events.participants.share')}
      </Button>
      <p role="status" className="text-xs">
        {copied ? t('events.participants.copied') : ''}
      </p>
    </div>
  );
}
