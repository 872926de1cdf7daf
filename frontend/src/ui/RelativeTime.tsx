import { useSyncExternalStore } from 'react';
import { formatRelative } from '../lib/time';
import { appLocale } from '../lib/i18n';

// One shared ticker for every timestamp on screen, rather than a timer per message.
let now = Date.now();
const subscribers = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(callback: () => void) {
  subscribers.add(callback);
  timer ??= setInterval(() => {
    now = Date.now();
    subscribers.forEach((s) => s());
  }, 30_000);
  return () => {
    subscribers.delete(callback);
    if (subscribers.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** A past moment as "5 min ago", refreshed every 30 s; the exact time is in the title. */
export function RelativeTime({ value, className }: { value: string; className?: string }) {
  const current = useSyncExternalStore(subscribe, () => now);
  const date = new Date(value);
  // Past moments only: a server clock slightly ahead must not read "in 1 minute".
  const reference = new Date(Math.max(current, date.getTime()));
  return (
    <time dateTime={value} title={date.toLocaleString(appLocale())} className={className}>
      {formatRelative(date, reference)}
    </time>
  );
}
