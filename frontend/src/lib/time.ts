import { appLocale } from './i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const rtf = (locale: string) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });

/**
 * "just now", "5 min ago", "3 hours ago", "yesterday", "in 2 days", then a date: short,
 * readable between heats. `now` is passed in so that tests and re-renders agree on it.
 */
export function formatRelative(
  date: Date | string,
  now: Date = new Date(),
  locale: string = appLocale(),
) {
  const then = typeof date === 'string' ? new Date(date) : date;
  const diff = then.getTime() - now.getTime();
  if (Number.isNaN(diff)) return '';
  const abs = Math.abs(diff);
  const format = rtf(locale);
  // Intl's "now" ("jetzt", "teraz"); English keeps the friendlier "just now".
  if (abs < 45_000) return locale.startsWith('en') ? 'just now' : format.format(0, 'second');
  if (abs < HOUR) return format.format(Math.round(diff / MINUTE), 'minute');
  if (abs < DAY) return format.format(Math.round(diff / HOUR), 'hour');
  if (abs < 7 * DAY) return format.format(Math.round(diff / DAY), 'day');
  return formatDate(then, now, locale);
}

/** How long to wait, from now: "in 45 seconds", "in 15 minutes", "in 2 hours" (rounded up). */
export function formatWait(seconds: number, locale: string = appLocale()) {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  if (seconds < 60) return format.format(Math.ceil(seconds), 'second');
  if (seconds < 3600) return format.format(Math.ceil(seconds / 60), 'minute');
  return format.format(Math.ceil(seconds / 3600), 'hour');
}

/** "12 Mar", or "12 Mar 2024" outside the current year. */
export function formatDate(
  date: Date | string,
  now: Date = new Date(),
  locale: string = appLocale(),
) {
  const d = typeof date === 'string' ? new Date(date) : date;
  return d.toLocaleDateString(locale, {
    day: 'numeric',
    month: 'short',
    ...(d.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  });
}

/** A calendar date (`YYYY-MM-DD`) as a local date, without a timezone shift. */
export const parseCalendarDate = (value: string) => {
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
};

/**
 * An event's dates, as the locale writes a range: "Dec 4 – 9, 2026" (en-US),
 * "4 – 9 Dec 2026" (en-GB), "Mar 30 – Apr 2, 2026", or one date when it is a single day.
 */
export function formatDateRange(start: string, end: string, locale: string = appLocale()) {
  const format = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  return format.formatRange(parseCalendarDate(start), parseCalendarDate(end));
}
