import type { Heat } from '@spotlight/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCountdown, formatHeatTime, nextHeat, tickFor } from './schedule';

export interface Upcoming {
  heat: Heat;
  /** What the reader does in it: "You dance (leader)", "You film Ana". */
  what: string;
}

/** The next heat the reader dances or films, counting down; it ticks faster near the start. */
export function NextHeat({ entries, heatMinutes }: { entries: Upcoming[]; heatMinutes: number }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const next = nextHeat(entries, now, heatMinutes);
  const delay = next ? tickFor(next.startsInMs) : undefined;

  useEffect(() => {
    if (delay === undefined) return;
    const timer = setTimeout(() => setNow(Date.now()), delay);
    return () => clearTimeout(timer);
  }, [now, delay]);

  if (!next) {
    return (
      <p className="rounded-2xl bg-white p-4 text-sm text-slate-600 shadow-sm">
        {t('heats.next.none')}
      </p>
    );
  }
  const { entry, startsInMs } = next;
  return (
    <section
      aria-labelledby="next-heat-title"
      className="space-y-1 rounded-2xl bg-violet-600 p-4 text-white shadow-sm"
    >
      <h2 id="next-heat-title" className="text-sm font-medium text-violet-100">
        {t('heats.next.title')}
      </h2>
      <p className="text-3xl font-bold tabular-nums" role="timer" aria-live="off">
        {startsInMs <= 0 ? t('heats.next.onNow') : formatCountdown(startsInMs)}
      </p>
      <p className="font-semibold [overflow-wrap:anywhere]">{entry.heat.label}</p>
      <p className="text-sm text-violet-100">
        {formatHeatTime(entry.heat.startsAt)} · {entry.what}
      </p>
    </section>
  );
}
