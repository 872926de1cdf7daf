import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../ui/QueryState';
import { heatSheetQuery } from '../queries';
import { LoadHeatsForm } from './LoadHeatsForm';
import { MatchingRunsPanel } from './MatchingRunsPanel';
import { MatchingSettingsForm } from './MatchingSettingsForm';

function Card({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-2xl bg-white p-4 shadow-sm">
      <h2 id={id} className="font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The organiser's part of heats: load the sheet, set the rules, run matching, read the log. */
export function HeatsOrganiserSection({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const sheet = useQuery(heatSheetQuery(eventId));

  return (
    <>
      <Card id="heats-title" title={t('heats.section.title')}>
        {sheet.data && (
          <p className="text-sm text-slate-600" aria-live="polite">
            {sheet.data.heats.length === 0
              ? t('heats.section.none')
              : t('heats.section.loaded', {
                  count: sheet.data.heats.length,
                  divisions: sheet.data.divisions.map((d) => d.name).join(', '),
                })}
          </p>
        )}
        <LoadHeatsForm eventId={eventId} />
      </Card>
      <Card id="matching-settings-title" title={t('heats.settings.title')}>
        <QueryState query={sheet} what={t('heats.settings.loading')}>
          {(data) => <MatchingSettingsForm eventId={eventId} settings={data.settings} />}
        </QueryState>
      </Card>
      <Card id="matching-title" title={t('heats.runs.title')}>
        <MatchingRunsPanel eventId={eventId} />
      </Card>
    </>
  );
}
