/** The matching settings as a form: text values, and back to the PATCH body of what changed. */
import type { MatchingSettings } from '@spotlight/contracts';

export const NUMBER_FIELDS = [
  'heatMinutes',
  'bufferBeforeMinutes',
  'bufferAfterMinutes',
  'numberWindow',
  'maxRecordingsPerRecorder',
] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

export type SettingsForm = Record<NumberField | 'registrationDeadline', string>;

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a `datetime-local` value, in the device's time zone. */
export function toLocalInput(iso: string | null): string {
  if (iso === null) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (device time) as an ISO instant; empty is no deadline. */
export function fromLocalInput(value: string): string | null {
  if (!value.trim()) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

export const toSettingsForm = (settings: MatchingSettings): SettingsForm => ({
  registrationDeadline: toLocalInput(settings.registrationDeadline),
  ...(Object.fromEntries(NUMBER_FIELDS.map((f) => [f, String(settings[f])])) as Record<
    NumberField,
    string
  >),
});

/**
 * Only the settings that differ from the saved ones, typed for the body; a number field that
 * is not a number stays text, so that the contract's schema names the field.
 */
export function settingsChanges(values: SettingsForm, saved: SettingsForm) {
  const body: Record<string, unknown> = {};
  if (values.registrationDeadline !== saved.registrationDeadline) {
    body.registrationDeadline = fromLocalInput(values.registrationDeadline);
  }
  for (const field of NUMBER_FIELDS) {
    const value = values[field].trim();
    if (value === saved[field]) continue;
    body[field] = value !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
  }
  return body;
}
