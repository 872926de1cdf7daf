import { HEAT_ROLES, type HeatRole, type HeatSheet } from '@spotlight/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { SelectField } from '../../ui/Field';
import { formatHeatTime } from './schedule';
import { pickerOptions, type HeatPick } from './sheet';

/** The roles' message keys: render them with `t(ROLE_LABELS[role])`. */
export const ROLE_LABELS: Record<HeatRole, string> = {
  leader: 'heats.role.leader',
  follower: 'heats.role.follower',
};

const toId = (value: string) => (value ? Number(value) : undefined);
const choose = (label: string) => ({ value: '', label });

/**
 * One heat from the organiser's sheet, step by step: division, type, round, then the heat
 * (by number, with its time), and the role danced in it. Each choice narrows the next.
 */
export function HeatPicker({
  sheet,
  taken,
  onAdd,
}: {
  sheet: HeatSheet;
  /** Heats already in the dancer's list: not offered again. */
  taken: ReadonlySet<number>;
  onAdd: (heatId: number, role: HeatRole) => void;
}) {
  const { t } = useTranslation();
  const [pick, setPick] = useState<HeatPick>({});
  const [heatId, setHeatId] = useState<number>();
  const [role, setRole] = useState<HeatRole>();
  const [problem, setProblem] = useState<string>();
  const options = pickerOptions(sheet, pick);
  const heats = options.heats.filter((h) => !taken.has(h.id));

  const update = (next: HeatPick) => {
    setPick(next);
    setHeatId(undefined);
    setProblem(undefined);
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (heatId === undefined) return setProblem('heats.picker.pickHeatFirst');
    if (!role) return setProblem('heats.picker.pickRole');
    onAdd(heatId, role);
    setHeatId(undefined);
    setProblem(undefined);
  };

  return (
    <form
      onSubmit={handleSubmit}
      aria-label={t('heats.picker.title')}
      noValidate
      className="space-y-3 rounded-2xl bg-white p-4 shadow-sm"
    >
      <h2 className="font-semibold text-slate-900">{t('heats.picker.title')}</h2>
      <SelectField
        label={t('heats.picker.division')}
        value={pick.divisionId ?? ''}
        onChange={(e) => update({ divisionId: toId(e.target.value) })}
        options={[choose(t('heats.picker.chooseDivision')), ...options.divisions.map(named)]}
      />
      <div className="grid grid-cols-2 gap-3">
        <SelectField
          label={t('heats.picker.competition')}
          value={pick.typeId ?? ''}
          disabled={pick.divisionId === undefined}
          onChange={(e) => update({ divisionId: pick.divisionId, typeId: toId(e.target.value) })}
          options={[choose(t('heats.picker.chooseOne')), ...options.types.map(named)]}
        />
        <SelectField
          label={t('heats.picker.round')}
          value={pick.roundId ?? ''}
          disabled={pick.typeId === undefined}
          onChange={(e) => update({ ...pick, roundId: toId(e.target.value) })}
          options={[choose(t('heats.picker.chooseOne')), ...options.rounds.map(named)]}
        />
      </div>
      <SelectField
        label={t('heats.picker.heat')}
        value={heatId ?? ''}
        disabled={pick.roundId === undefined}
        onChange={(e) => {
          setHeatId(toId(e.target.value));
          setProblem(undefined);
        }}
        hint={
          pick.roundId !== undefined && heats.length === 0 ? t('heats.picker.allTaken') : undefined
        }
        options={[
          choose(t('heats.picker.chooseHeat')),
          ...heats.map((h) => ({
            value: String(h.id),
            label: h.startsAt
              ? t('heats.picker.heatOptionAt', {
                  number: h.number,
                  time: formatHeatTime(h.startsAt),
                })
              : t('heats.picker.heatOption', { number: h.number }),
          })),
        ]}
      />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-800">
          {t('heats.picker.yourRole')}
        </legend>
        <div className="grid grid-cols-2 gap-2">
          {HEAT_ROLES.map((value) => (
            <label
              key={value}
              className={cx(
                'flex min-h-11 cursor-pointer items-center justify-center rounded-xl border text-sm font-semibold has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-violet-600',
                role === value
                  ? 'border-violet-600 bg-violet-50 text-violet-800'
                  : 'border-slate-300 bg-white text-slate-700',
              )}
            >
              <input
                type="radio"
                name="heat-role"
                value={value}
                checked={role === value}
                onChange={() => setRole(value)}
                className="sr-only"
              />
              {t(ROLE_LABELS[value])}
            </label>
          ))}
        </div>
      </fieldset>
      {problem && (
        <p role="alert" className="text-sm text-red-700">
          {t(problem)}
        </p>
      )}
      <Button type="submit" variant="secondary" className="w-full">
        {t('heats.picker.add')}
      </Button>
    </form>
  );
}

const named = (item: { id: number; name: string }) => ({
  value: String(item.id),
  label: item.name,
});
