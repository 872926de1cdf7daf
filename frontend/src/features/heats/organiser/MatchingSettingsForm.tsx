import { UpdateMatchingSettingsBody, type MatchingSettings } from '@spotlight/contracts';
import { useState, type FormEvent } from 'react';
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
  const update = useUpdateMatchingSettings(eventId);
  const saved = toSettingsForm(settings);
  const form = useSchemaForm(UpdateMatchingSettingsBody, saved, {
    toBody: (values) => settingsChanges(values, saved),
    showErrors: 'submit',
  });
  const [notice, setNotice] = useState<string>();

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    if (Object.keys(settingsChanges(form.values, saved)).length === 0) {
      return setNotice('Nothing changed.');
    }
    const body = form.validate();
    if (!body) return;
    update.mutate(body, {
      onSuccess: (next) => {
        form.reset(toSettingsForm(next));
        setNotice('Settings saved.');
      },
      onError: form.showServerError,
    });
  };

  return (
    <form onSubmit={handleSubmit} className="space-y-3" noValidate aria-label="Matching settings">
      <TextField
        label="Registration deadline"
        type="datetime-local"
        hint="After it, matching runs by itself. Empty: only when you run it."
        {...form.field('registrationDeadline')}
      />
      <div className="grid grid-cols-2 gap-3">
        <TextField label="Heat length (min)" {...minutes} min={1} {...form.field('heatMinutes')} />
        <TextField
          label="Most per recorder"
          {...minutes}
          min={1}
          max={20}
          {...form.field('maxRecordingsPerRecorder')}
        />
        <TextField
          label="Buffer before (min)"
          {...minutes}
          {...form.field('bufferBeforeMinutes')}
        />
        <TextField label="Buffer after (min)" {...minutes} {...form.field('bufferAfterMinutes')} />
      </div>
      <TextField
        label="Heats apart without times (±)"
        hint="Heats with no time clash within this many numbers in the same round."
        {...minutes}
        max={20}
        {...form.field('numberWindow')}
      />
      <FormAlert message={form.formError} />
      {notice && (
        <p role="status" className="text-sm text-emerald-800">
          {notice}
        </p>
      )}
      <Button type="submit" variant="secondary" className="w-full" busy={update.isPending}>
        Save settings
      </Button>
    </form>
  );
}
