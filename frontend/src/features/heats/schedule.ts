/**
 * Time logic of the heats pages, without React: the order of heats, the next one to come,
 * and the countdown to it.
 */
import i18next from 'i18next';
import { appLocale } from '../../lib/i18n';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface Timed {
  heat: { id: number; startsAt: string | null };
}

const startOf = (entry: Timed) =>
  entry.heat.startsAt === null ? Number.POSITIVE_INFINITY : Date.parse(entry.heat.startsAt);

/**
 * In time order: heats with a scheduled start first, earliest first; then the ones without a
 * time, in the order they came in (the server's sheet order). A new copy; stable.
 */
export function byHeatTime<T extends Timed>(entries: readonly T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index, start: startOf(entry) }))
    .sort((a, b) => (a.start === b.start ? a.index - b.index : a.start < b.start ? -1 : 1))
    .map(({ entry }) => entry);
}

/**
 * The next heat that has not ended yet: one that is on now (started less than `heatMinutes`
 * ago) counts. Heats without a time never do. Undefined when nothing is left today or ever.
 */
export function nextHeat<T extends Timed>(
  entries: readonly T[],
  now: number,
  heatMinutes: number,
): { entry: T; startsInMs: number } | undefined {
  let best: { entry: T; startsInMs: number } | undefined;
  for (const entry of entries) {
    const start = startOf(entry);
    if (!Number.isFinite(start) || start + heatMinutes * MINUTE <= now) continue;
    if (!best || start - now < best.startsInMs) best = { entry, startsInMs: start - now };
  }
  return best;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A countdown short enough to read between heats: "in 2 d 3 h", "in 1 h 05 min",
 * "in 12:04" (minutes and seconds), and "now" once it has started (in the app's language).
 */
export function formatCountdown(ms: number): string {
  if (ms <= 0) return i18next.t('heats.time.now');
  // Round up: "in 0:01" until the very moment it starts, never "in 0:00" before it.
  const total = Math.ceil(ms / SECOND) * SECOND;
  if (total >= DAY) {
    return i18next.t('heats.time.inDays', {
      days: Math.floor(total / DAY),
      hours: Math.floor((total % DAY) / HOUR),
    });
  }
  if (total >= HOUR) {
    return i18next.t('heats.time.inHours', {
      hours: Math.floor(total / HOUR),
      minutes: pad(Math.floor((total % HOUR) / MINUTE)),
    });
  }
  return i18next.t('heats.time.inMinutes', {
    minutes: Math.floor(total / MINUTE),
    seconds: pad(Math.floor((total % MINUTE) / SECOND)),
  });
}

/** How often a countdown must tick to stay right: every second in the last hour, else a minute. */
export const tickFor = (ms: number) => (ms > 0 && ms < HOUR ? SECOND : MINUTE / 4);

/** "Sat 14:05" in the reader's locale, or "No time set" for an unscheduled heat. */
export function formatHeatTime(startsAt: string | null, locale: string = appLocale()): string {
  if (startsAt === null) return i18next.t('heats.time.notSet');
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(startsAt));
}
