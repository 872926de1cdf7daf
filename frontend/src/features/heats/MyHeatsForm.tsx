import { PutMyHeatsBody, type HeatRole, type HeatSheet, type MyHeats } from '@spotlight/contracts';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { FormAlert, TextField } from '../../ui/Field';
import { Switch } from '../../ui/Switch';
import { EmptyState } from '../../ui/States';
import { HeatPicker, ROLE_LABELS } from './HeatPicker';
import { usePutMyHeats } from './mutations';
import { byHeatTime, formatHeatTime } from './schedule';

interface Chosen {
  heatId: number;
  role: HeatRole;
}

/** The dancer's entry, edited here and saved in one PUT: heats with roles, bib, opt-in. */
export function MyHeatsForm({ sheet, mine }: { sheet: HeatSheet; mine: MyHeats }) {
  const { t } = useTranslation();
  const save = usePutMyHeats(sheet.eventId);
  const [bib, setBib] = useState(mine.bib ?? '');
  const [willing, setWilling] = useState(mine.willingToRecord);
  const [chosen, setChosen] = useState<Chosen[]>(() =>
    mine.heats.map(({ heat, role }) => ({ heatId: heat.id, role })),
  );
  const [problem, setProblem] = useState<string>();
  const [saved, setSaved] = useState(false);

  const heatsById = useMemo(() => new Map(sheet.heats.map((h) => [h.id, h])), [sheet.heats]);
  const rows = byHeatTime(
    chosen.flatMap((c) => {
      const heat = heatsById.get(c.heatId);
      return heat ? [{ heat, role: c.role }] : [];
    }),
  );

  const changed = () => {
    setSaved(false);
    setProblem(undefined);
    save.reset();
  };

  const handleAdd = (heatId: number, role: HeatRole) => {
    setChosen((list) => [...list, { heatId, role }]);
    changed();
  };

  const handleRemove = (heatId: number) => {
    setChosen((list) => list.filter((c) => c.heatId !== heatId));
    changed();
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = PutMyHeatsBody.safeParse({
      bib: bib.trim() || null,
      willingToRecord: willing,
      heats: chosen,
    });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? t('heats.form.checkHeats'));
      return;
    }
    save.mutate(parsed.data, { onSuccess: () => setSaved(true) });
  };

  return (
    <div className="space-y-4">
      <section aria-labelledby="my-heats-title" className="space-y-2">
        <h2 id="my-heats-title" className="font-semibold text-slate-900">
          {t('heats.form.heatsYouDance')}
        </h2>
        {rows.length === 0 ? (
          <EmptyState title={t('heats.noHeatsYet')}>{t('heats.form.noHeats')}</EmptyState>
        ) : (
          <ul className="space-y-2" aria-label={t('heats.form.yourHeats')}>
            {rows.map(({ heat, role }) => (
              <li
                key={heat.id}
                className="flex items-center gap-3 rounded-2xl bg-white p-3 shadow-sm"
              >
                <div className="min-w-0 flex-1">
                  <p className="font-medium [overflow-wrap:anywhere]">{heat.label}</p>
                  <p className="text-sm text-slate-600">
                    {t(ROLE_LABELS[role])} · {formatHeatTime(heat.startsAt)}
                  </p>
                </div>
                <Button
                  variant="danger"
                  className="px-3"
                  onClick={() => handleRemove(heat.id)}
                  aria-label={t('heats.form.removeLabel', { heat: heat.label })}
                >
                  {t('heats.form.remove')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <HeatPicker sheet={sheet} taken={new Set(chosen.map((c) => c.heatId))} onAdd={handleAdd} />

      <form
        onSubmit={handleSubmit}
        aria-label={t('heats.form.entry')}
        noValidate
        className="space-y-3 rounded-2xl bg-white p-4 shadow-sm"
      >
        <TextField
          label={t('heats.form.bib')}
          hint={t('heats.form.bibHint')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
          value={bib}
          onChange={(e) => {
            setBib(e.target.value);
            changed();
          }}
        />
        <Switch
          label={t('heats.form.willing')}
          checked={willing}
          onChange={(checked) => {
            setWilling(checked);
            changed();
          }}
          hint={t('heats.form.willingHint', { max: sheet.settings.maxRecordingsPerRecorder })}
        />
        <FormAlert message={problem ?? (save.error ? errorMessage(save.error) : undefined)} />
        {saved && (
          <p role="status" className="text-sm text-emerald-800">
            {t('heats.form.saved')}
          </p>
        )}
        <Button type="submit" className="w-full" busy={save.isPending}>
          {t('heats.form.save')}
        </Button>
      </form>
    </div>
  );
}
