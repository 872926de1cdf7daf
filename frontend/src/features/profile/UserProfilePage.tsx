import { SOCIAL_LABELS, SOCIAL_NETWORKS, type PublicUser } from '@spotlight/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { countryName } from '../../lib/countries';
import { useIdParam } from '../../lib/useIdParam';
import { Avatar, nameOf } from '../../ui/Avatar';
import { Button, ButtonLink } from '../../ui/Button';
import { CountryFlag } from '../../ui/CountryFlag';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { RelativeTime } from '../../ui/RelativeTime';
import { Stars } from '../../ui/Stars';
import { eventQuery } from '../../shared/events';
import { RequestPartnerButton } from '../../shared/matches';
import { useMe } from '../../shared/session';
import { receivedRatingsQuery } from '../ratings';
import { DIVISION_LABELS, ROLE_KEYS } from './labels';
import { publicUserQuery } from './queries';
import { BlockControl } from './BlockControl';
import { RatingSummary } from './RatingSummary';
import { ReportForm } from './ReportForm';
import { wsdcFact } from './wsdc';

/**
 * Another dancer's public profile: who they are, how others rated them, "Request recording
 * partner" when opened from an event both joined, and "Report user" and "Block".
 */
export function UserProfilePage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const me = useMe();
  const user = useQuery({ ...publicUserQuery(id), enabled: id > 0 });
  const ratings = useQuery({ ...receivedRatingsQuery(id), enabled: id > 0 });
  const [reporting, setReporting] = useState(false);
  // Opened from an event (its chat or its list of dancers): a report names that event, so that
  // its organisers see it, and a viewer who joined it may ask this dancer to film them there.
  const [search] = useSearchParams();
  const fromEvent = Number(search.get('event')) || undefined;
  const isMe = id === me.id;
  const event = useQuery({ ...eventQuery(fromEvent ?? 0), enabled: !!fromEvent && !isMe });

  return (
    <div className="space-y-5 p-4">
      <PageHeader
        title={user.data ? nameOf(user.data) : t('profile.user.dancer')}
        back={{ to: '/events', label: t('profile.user.back') }}
      />
      <QueryState query={user} what={t('profile.user.loading')}>
        {(data) => {
          const name = nameOf(data);
          const facts = [
            data.danceRole && t(ROLE_KEYS[data.danceRole]),
            data.division && DIVISION_LABELS[data.division],
            [data.city, data.country && countryName(data.country)].filter(Boolean).join(', '),
            wsdcFact(data),
          ].filter(Boolean);
          return (
            <>
              <div className="flex items-center gap-3">
                <Avatar name={name} url={data.avatar} size="lg" />
                <div className="min-w-0">
                  <p className="flex items-center gap-2 text-lg font-semibold">
                    <span dir="auto" className="truncate">
                      {name}
                    </span>
                    {data.country && <CountryFlag code={data.country} />}
                  </p>
                  <p className="truncate text-sm text-slate-600">@{data.username}</p>
                  {facts.length > 0 && (
                    <p className="text-sm text-slate-700">{facts.join(' · ')}</p>
                  )}
                </div>
              </div>
              {fromEvent && event.data?.joined && (
                <section
                  aria-labelledby="partner-title"
                  className="space-y-2 rounded-2xl bg-white p-4 shadow-sm"
                >
                  <h2 id="partner-title" className="font-semibold text-slate-900">
                    {t('profile.user.partner')}
                  </h2>
                  <p className="text-sm text-slate-600">
                    <Trans
                      i18nKey="profile.user.at"
                      components={{ event: <span dir="auto">{event.data.name}</span> }}
                    />
                  </p>
                  <RequestPartnerButton eventId={fromEvent} dancer={{ id: data.id, name }} />
                </section>
              )}
              <SocialLinks user={data} />
              <RatingSummary userId={data.id} />
              <section aria-labelledby="received" className="space-y-2">
                <h2 id="received" className="font-semibold text-slate-900">
                  {t('profile.user.said')}
                </h2>
                <QueryState query={ratings} what={t('profile.ratings.loading')}>
                  {(page) =>
                    page.items.length === 0 ? (
                      <p className="text-sm text-slate-600">{t('profile.user.nothing')}</p>
                    ) : (
                      <ul className="space-y-2">
                        {page.items.map((rating) => (
                          <li key={rating.id} className="rounded-2xl bg-white p-3 shadow-sm">
                            <div className="flex items-center justify-between gap-2">
                              <Stars score={rating.score} />
                              <RelativeTime
                                value={rating.createdAt}
                                className="text-xs text-slate-500"
                              />
                            </div>
                            {rating.comment && (
                              <p
                                dir="auto"
                                className="mt-1 whitespace-pre-wrap text-sm [overflow-wrap:anywhere]"
                              >
                                {rating.comment}
                              </p>
                            )}
                            <p className="mt-1 text-xs text-slate-500">
                              {nameOf(rating.rater)} · {rating.event.name}
                              {rating.wouldCollaborateAgain ? ` · ${t('profile.user.again')}` : ''}
                            </p>
                          </li>
                        ))}
                      </ul>
                    )
                  }
                </QueryState>
              </section>
              {isMe ? (
                <ButtonLink to="/profile" variant="secondary" className="w-full">
                  {t('profile.user.edit')}
                </ButtonLink>
              ) : (
                <section aria-label={t('profile.user.safety')} className="space-y-2">
                  {reporting ? (
                    <ReportForm
                      userId={data.id}
                      eventId={fromEvent}
                      name={name}
                      onDone={() => setReporting(false)}
                    />
                  ) : (
                    <Button variant="danger" className="w-full" onClick={() => setReporting(true)}>
                      {t('profile.user.report')}
                    </Button>
                  )}
                  <BlockControl userId={data.id} name={name} />
                </section>
              )}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

/** The dancer's profiles elsewhere, where their videos are; opened outside the app. */
function SocialLinks({ user }: { user: PublicUser }) {
  const { t } = useTranslation();
  const links = SOCIAL_NETWORKS.flatMap((network) => {
    const url = user[network];
    return url ? [{ network, url }] : [];
  });
  if (links.length === 0) return null;
  return (
    <ul aria-label={t('profile.social')} className="flex flex-wrap gap-2">
      {links.map(({ network, url }) => (
        <li key={network}>
          <a
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex min-h-11 items-center rounded-xl border border-slate-200 bg-white px-4 text-sm font-semibold text-violet-700"
          >
            {SOCIAL_LABELS[network]}
          </a>
        </li>
      ))}
    </ul>
  );
}
