import { UpdateMatchingSettingsBody, type MatchingSettings } from '@spotlight/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../../lib/useSchemaForm';
import { Button } from '../../../ui/Button';
import { FormAlert, TextField } from '../../../ui/Field';
import { useUpdateMatchingSettings } from '../mutations';
import { settingsChanges, toSettingsForm } from './settings';

const minutes = { type: 'number', inputMode: 'numeric', min: 0, max: 240 } as const;

/** The deadline after which matching runs by itself, the buffers, the heat length and the cap. */
export function MatchingSettingsForm({
  eventId,
  settings,
}: {
  eventId: number;
  settings: MatchingSettings;
}) {
  const { t } = useTranslation();
  const update = useUpdateMatchingSettings(eventId);
  const saved = toSettingsForm(settings);
  const form = useSchemaForm(UpdateMatchingSettingsBody, saved, {
    toBody: (values) => settingsChanges(values, saved),
    showErrors: 'submit',
  });
  /** The notice's message key. */
  const [notice, setNotice] = useState<string>();

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    if (Object.keys(settingsChanges(form.values, saved)).length === 0) {
      return setNotice('heats.settings.nothingChanged');
    }
    const body = form.validate();
    if (!body) return;
    update.mutate(body, {
      onSuccess: (next) => {
        form.reset(toSettingsForm(next));
        setNotice('heats.settings.saved');
      },
      onError: form.showServerError,
    });
  };

  return (
    <form
      onSubmit={handleSubmit}
      className="space-y-3"
      noValidate
      aria-label={t('heats.settings.title')}
    >
      <TextField
        label={t('heats.settings.deadline')}
        type="datetime-local"
        hint={t('heats.settings.deadlineHint')}
        {...form.field('registrationDeadline')}
      />
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label={t('heats.settings.heatMinutes')}
          {...minutes}
          min={1}
          {...form.field('heatMinutes')}
        />
        <TextField
          label={t('heats.settings.maxPerRecorder')}
          {...minutes}
          min={1}
          max={20}
          {...form.field('maxRecordingsPerRecorder')}
        />
        <TextField
          label={t('heats.settings.bufferBefore')}
          {...minutes}
          {...form.field('bufferBeforeMinutes')}
        />
        <TextField
          label={t('heats.settings.bufferAfter')}
          {...minutes}
          {...form.field('bufferAfterMinutes')}
        />
      </div>
      <TextField
        label={t('heats.settings.numberWindow')}
        hint={t('heats.settings.numberWindowHint')}
        {...minutes}
        max={20}
        {...form.field('numberWindow')}
      />
      <FormAlert message={form.formError} />
      {notice && (
        <p role="status" className="text-sm text-emerald-800">
          {t(notice)}
        </p>
      )}
      <Button type="submit" variant="secondary" className="w-full" busy={update.isPending}>
        {t('heats.settings.save')}
      </Button>
    </form>
  );
}
