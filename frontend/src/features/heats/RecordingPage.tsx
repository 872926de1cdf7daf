import type { MyHeats, Recording } from '@spotlight/contracts';
import { useQuery } from '@tanstack/react-query';
import { useIdParam } from '../../lib/useIdParam';
import { ButtonLink } from '../../ui/Button';
import { nameOf } from '../../ui/Avatar';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { EmptyState } from '../../ui/States';
import { eventQuery } from '../../shared/events';
import { ROLE_LABELS } from './HeatPicker';
import { NextHeat, type Upcoming } from './NextHeat';
import { heatSheetQuery, myHeatsQuery, recordingsQuery } from './queries';
import { RecordingCard } from './RecordingCard';
import { byHeatTime } from './schedule';

/** What the countdown counts to: the heats the reader dances, and the ones they film. */
function upcoming(mine: MyHeats | undefined, recordings: Recording[]): Upcoming[] {
  const dancing = (mine?.heats ?? []).map(({ heat, role }) => ({
    heat,
    what: `You dance (${ROLE_LABELS[role].toLowerCase()})`,
  }));
  const filming = recordings
    .filter((r) => r.side === 'recorder' && r.status !== 'declined')
    .map((r) => ({ heat: r.heat, what: `You film ${nameOf(r.partner)}` }));
  return [...dancing, ...filming];
}

function Section({ title, items, empty }: { title: string; items: Recording[]; empty: string }) {
  const id = `${title.replace(/\W+/g, '-').toLowerCase()}-title`;
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="font-semibold text-slate-900">
        {title}
      </h2>
      {items.length === 0 ? (
        <EmptyState title="Nothing yet">{empty}</EmptyState>
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

  return (
    <div className="space-y-4 p-4">
      <PageHeader
        title="Recording"
        back={{ to: `/events/${id}`, label: 'Back to the event' }}
        subtitle={event.data?.name}
      />
      <QueryState query={recordings} what="your recordings">
        {({ items }) => (
          <>
            <NextHeat
              entries={upcoming(mine.data, items)}
              heatMinutes={sheet.data?.settings.heatMinutes ?? 5}
            />
            <p className="text-sm text-slate-600">
              Matching pairs every heat with a dancer who is free then: never during their own heat
              or right next to it. People who film others get filmed first.
            </p>
            <Section
              title="Who films me"
              items={items.filter((r) => r.side === 'dancer')}
              empty={
                mine.data && mine.data.heats.length === 0
                  ? 'Declare your heats first; matching then finds someone to film each one.'
                  : 'No recorder yet. Matching runs after the registration deadline, or when the organiser starts it.'
              }
            />
            <Section
              title="Whom I film"
              items={items.filter((r) => r.side === 'recorder')}
              empty={
                willing
                  ? 'No one to film yet. Suggestions appear here when matching runs.'
                  : 'You opted out of recording. Switch it on under My heats to film others.'
              }
            />
          </>
        )}
      </QueryState>
      <ButtonLink to={`/events/${id}/my-heats`} variant="secondary" className="w-full">
        My heats
      </ButtonLink>
    </div>
  );
}
