import type { HeatRole, MyHeats, Recording } from '@spotlight/contracts';
import { useQuery } from '@tanstack/react-query';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { useIdParam } from '../../lib/useIdParam';
import { ButtonLink } from '../../ui/Button';
import { nameOf } from '../../ui/Avatar';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { EmptyState } from '../../ui/States';
import { eventQuery } from '../../shared/events';
import { NextHeat, type Upcoming } from './NextHeat';
import { heatSheetQuery, myHeatsQuery, recordingsQuery } from './queries';
import { RecordingCard } from './RecordingCard';
import { byHeatTime } from './schedule';

const YOU_DANCE: Record<HeatRole, string> = {
  leader: 'heats.next.youDance.leader',
  follower: 'heats.next.youDance.follower',
};

/** What the countdown counts to: the heats the reader dances, and the ones they film. */
function upcoming(mine: MyHeats | undefined, recordings: Recording[]): Upcoming[] {
  const dancing = (mine?.heats ?? []).map(({ heat, role }) => ({
    heat,
    what: i18next.t(YOU_DANCE[role]),
  }));
  const filming = recordings
    .filter((r) => r.side === 'recorder' && r.status !== 'declined')
    .map((r) => ({
      heat: r.heat,
      what: i18next.t('heats.card.youFilm', { name: nameOf(r.partner) }),
    }));
  return [...dancing, ...filming];
}

/** A list of recordings; `id` names its heading (the title differs by language). */
function Section({
  id,
  title,
  items,
  empty,
}: {
  id: string;
  title: string;
  items: Recording[];
  empty: string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="font-semibold text-slate-900">
        {title}
      </h2>
      {items.length === 0 ? (
        <EmptyState title={t('heats.recording.nothingYet')}>{empty}</EmptyState>
      ) : (
        byHeatTime(items).map((r) => <RecordingCard key={r.id} recording={r} />)
      )}
    </section>
  );
}

/**
 * Who films me and whom I film at an event, in heat time order, with a countdown to the next
 * heat; each suggestion is accepted or declined here, and opens the match chat once accepted.
 * `recording_updated` keeps it live.
 */
export function RecordingPage() {
  const id = useIdParam();
  const event = useQuery({ ...eventQuery(id), enabled: id > 0 });
  const recordings = useQuery({ ...recordingsQuery(id), enabled: id > 0 });
  const sheet = useQuery({ ...heatSheetQuery(id), enabled: id > 0 });
  const mine = useQuery({ ...myHeatsQuery(id), enabled: id > 0, retry: false });
  const willing = mine.data?.willingToRecord ?? true;
  const { t } = useTranslation();

  return (
    <div className="space-y-4 p-4">
      <PageHeader
        title={t('heats.recording.title')}
        back={{ to: `/events/${id}`, label: t('heats.backToEvent') }}
        subtitle={event.data?.name}
      />
      <QueryState query={recordings} what={t('heats.recording.loading')}>
        {({ items }) => (
          <>
            <NextHeat
              entries={upcoming(mine.data, items)}
              heatMinutes={sheet.data?.settings.heatMinutes ?? 5}
            />
            <p className="text-sm text-slate-600">{t('heats.recording.explainer')}</p>
            <Section
              id="who-films-me-title"
              title={t('heats.recording.whoFilmsMe')}
              items={items.filter((r) => r.side === 'dancer')}
              empty={
                mine.data && mine.data.heats.length === 0
                  ? t('heats.recording.declareFirst')
                  : t('heats.recording.noRecorderYet')
              }
            />
            <Section
              id="whom-i-film-title"
              title={t('heats.recording.whomIFilm')}
              items={items.filter((r) => r.side === 'recorder')}
              empty={willing ? t('heats.recording.noOneToFilm') : t('heats.recording.optedOut')}
            />
          </>
        )}
      </QueryState>
      <ButtonLink to={`/events/${id}/my-heats`} variant="secondary" className="w-full">
        {t('heats.myHeats')}
      </ButtonLink>
    </div>
  );
}
