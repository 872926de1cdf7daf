import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCHING_SETTINGS, UpdateMatchingSettingsBody } from '@spotlight/contracts';
import { fromLocalInput, settingsChanges, toLocalInput, toSettingsForm } from './settings';

describe('the deadline field', () => {
  it('goes to datetime-local and back to the same instant', () => {
    const iso = '2026-12-12T09:30:00.000Z';
    const local = toLocalInput(iso);
    expect(local).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    expect(fromLocalInput(local)).toBe(iso);
  });

  it('is empty for no deadline, and empty means none', () => {
    expect(toLocalInput(null)).toBe('');
    expect(fromLocalInput('  ')).toBeNull();
  });
});

describe('settingsChanges', () => {
  const saved = toSettingsForm(DEFAULT_MATCHING_SETTINGS);

  it('sends only what changed, as numbers, and the schema takes it', () => {
    const body = settingsChanges({ ...saved, heatMinutes: '7', bufferAfterMinutes: ' 0 ' }, saved);
    expect(body).toEqual({ heatMinutes: 7, bufferAfterMinutes: 0 });
    expect(UpdateMatchingSettingsBody.safeParse(body).success).toBe(true);
  });

  it('clears the deadline with null, and sends nothing when nothing changed', () => {
    const withDeadline = { ...saved, registrationDeadline: '2026-12-12T09:30' };
    expect(settingsChanges(saved, withDeadline)).toEqual({ registrationDeadline: null });
    expect(settingsChanges(saved, saved)).toEqual({});
  });

  it('leaves text that is not a number as text, so the schema refuses that field', () => {
    const body = settingsChanges({ ...saved, maxRecordingsPerRecorder: 'lots' }, saved);
    const parsed = UpdateMatchingSettingsBody.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['maxRecordingsPerRecorder']);
  });
});
