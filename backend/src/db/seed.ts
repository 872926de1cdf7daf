/**
 * Demo data for a fresh embedded database: WCS events around today's date (so that there are
 * always upcoming and past ones) and demo accounts whose credentials are printed at start.
 */
import bcrypt from 'bcrypt';
import { count } from 'drizzle-orm';
import type { Database } from './client';
import { eventOrganisers, eventParticipants, events, users } from './schema';
import { recountParticipants, upsertEvents, type NewEvent } from '../modules/events/repository';

interface EventTemplate {
  slug: string;
  name: string;
  location: string;
  /** Days from today to the first day. */
  offset: number;
  days: number;
  description: string;
}

const EVENT_TEMPLATES: EventTemplate[] = [
  {
    slug: 'us-open',
    name: 'US Open Swing Dance Championships',
    location: 'Burbank, CA, USA',
    offset: -1,
    days: 6,
    description:
      'The longest-running West Coast Swing championship. Jack & Jill, Strictly, Classic and Showcase divisions.',
  },
  {
    slug: 'swingdiego',
    name: 'SwingDiego',
    location: 'San Diego, CA, USA',
    offset: 12,
    days: 4,
    description: 'Four days of workshops and WSDC Jack & Jill competitions by the bay.',
  },
  {
    slug: 'desert-city-swing',
    name: 'Desert City Swing',
    location: 'Phoenix, AZ, USA',
    offset: 40,
    days: 4,
    description: 'Warm winter weekend with WSDC points in every division.',
  },
  {
    slug: 'budafest',
    name: 'Budafest',
    location: 'Budapest, Hungary',
    offset: 75,
    days: 4,
    description: 'One of the largest WCS events in Europe, on the Danube.',
  },
  {
    slug: 'madjam',
    name: 'Mid-Atlantic Dance Jam (MADjam)',
    location: 'Reston, VA, USA',
    offset: 101,
    days: 4,
    description: 'Workshops, Jack & Jill and Strictly Swing with an international field.',
  },
  {
    slug: 'paris-westie-fest',
    name: 'Paris Westie Fest',
    location: 'Paris, France',
    offset: 130,
    days: 3,
    description: 'Social dancing until dawn and WSDC competitions in the heart of Paris.',
  },
  {
    slug: 'liberty-swing',
    name: 'Liberty Swing Dance Championships',
    location: 'New Brunswick, NJ, USA',
    offset: 190,
    days: 4,
    description: 'Summer championship with Novice to Champion divisions.',
  },
  {
    slug: 'swing-fling',
    name: 'Swing Fling',
    location: 'Washington, DC, USA',
    offset: -30,
    days: 4,
    description: 'Competitions, pro shows and late-night social dancing.',
  },
  {
    slug: 'warsaw-halloween-swing',
    name: 'Warsaw Halloween Swing',
    location: 'Warsaw, Poland',
    offset: -33,
    days: 3,
    description: 'Costumes on the social floor, points on the competition floor.',
  },
  {
    slug: 'boogie-by-the-bay',
    name: 'Boogie by the Bay',
    location: 'San Francisco, CA, USA',
    offset: -75,
    days: 4,
    description: 'A Bay Area favourite with a packed Jack & Jill schedule.',
  },
];

export const DEMO_PASSWORD = 'dance-demo-2026';

export const DEMO_ACCOUNTS = [
  {
    email: 'ana@demo.spotlight.cam',
    username: 'ana_follows',
    displayName: 'Ana',
    danceRole: 'follower',
    division: 'intermediate',
    city: 'Warsaw',
    country: 'PL',
  },
  {
    email: 'ben@demo.spotlight.cam',
    username: 'ben_leads',
    displayName: 'Ben',
    danceRole: 'leader',
    division: 'advanced',
    city: 'San Diego',
    country: 'US',
  },
  {
    email: 'cleo@demo.spotlight.cam',
    username: 'cleo_swings',
    displayName: 'Cleo',
    danceRole: 'both',
    division: 'novice',
    city: 'Paris',
    country: 'FR',
  },
  {
    email: 'olivia@demo.spotlight.cam',
    username: 'olivia_organises',
    displayName: 'Olivia (organiser)',
    danceRole: 'both',
    division: 'all_star',
    city: 'Burbank',
    country: 'US',
  },
  {
    email: 'admin@demo.spotlight.cam',
    username: 'site_admin',
    displayName: 'Site admin',
    danceRole: null,
    division: null,
    city: null,
    country: null,
  },
] as const;

/** What each demo account is for, as the start banner and `npm run db:seed` print it. */
export const DEMO_ROLES: Record<(typeof DEMO_ACCOUNTS)[number]['email'], string> = {
  'ana@demo.spotlight.cam': 'dancer',
  'ben@demo.spotlight.cam': 'dancer',
  'cleo@demo.spotlight.cam': 'dancer',
  'olivia@demo.spotlight.cam': 'organiser of the US Open and SwingDiego',
  'admin@demo.spotlight.cam': 'site admin',
};

/** The demo organiser runs these demo events; the admin account is a site admin. */
const ORGANISED = ['us-open', 'swingdiego'];
const ORGANISER_EMAIL = 'olivia@demo.spotlight.cam';
const ADMIN_EMAIL = 'admin@demo.spotlight.cam';

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** The demo events, dated around `today`. */
export function demoEvents(today = new Date()): NewEvent[] {
  return EVENT_TEMPLATES.map((t) => {
    const start = new Date(
      Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + t.offset),
    );
    const end = new Date(start.getTime() + (t.days - 1) * 86_400_000);
    return {
      name: t.name,
      location: t.location,
      startDate: isoDate(start),
      endDate: isoDate(end),
      worldsdcId: `${t.slug}-${start.getUTCFullYear()}`,
      description: t.description,
    };
  });
}

/** Index of the demo event that is on today (the US Open, which starts yesterday). */
const ONGOING = EVENT_TEMPLATES.findIndex((t) => t.offset <= 0 && t.offset + t.days > 0);

/**
 * Loads the demo events and accounts; new accounts join the event that is on now. Safe to run
 * again: events are updated in place (same worldsdc_id) and existing accounts are kept.
 */
export async function seedDemoData(db: Database, bcryptCost: number) {
  return db.transaction(async (tx) => {
    const eventsResult = await upsertEvents(tx, demoEvents());
    const passwordHash = await bcrypt.hash(DEMO_PASSWORD, bcryptCost);
    const created = await tx
      .insert(users)
      .values(
        DEMO_ACCOUNTS.map((account) => ({
          ...account,
          passwordHash,
          isAdmin: account.email === ADMIN_EMAIL,
          // The demo addresses receive no mail: treat them as confirmed, with no banner.
          emailVerifiedAt: new Date(),
        })),
      )
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email });
    const current = eventsResult.ids[ONGOING];
    // The dancers (not the admin) are at the event that is on now.
    const dancers = created.filter((user) => user.email !== ADMIN_EMAIL);
    if (current !== undefined && dancers.length) {
      await tx
        .insert(eventParticipants)
        .values(dancers.map((user) => ({ eventId: current, userId: user.id })))
        .onConflictDoNothing();
      await recountParticipants(tx, current);
    }
    const organiser = created.find((user) => user.email === ORGANISER_EMAIL);
    if (organiser) {
      const organised = EVENT_TEMPLATES.flatMap((t, i) =>
        ORGANISED.includes(t.slug) && eventsResult.ids[i] !== undefined
          ? [{ eventId: eventsResult.ids[i]!, userId: organiser.id }]
          : [],
      );
      await tx.insert(eventOrganisers).values(organised).onConflictDoNothing();
    }
    return { events: eventsResult, accounts: created.length, ongoingEventId: current };
  });
}

/** True when the database has no users and no events yet. */
export async function isEmpty(db: Database) {
  const [u] = await db.select({ value: count() }).from(users);
  const [e] = await db.select({ value: count() }).from(events);
  return (u?.value ?? 0) === 0 && (e?.value ?? 0) === 0;
}
