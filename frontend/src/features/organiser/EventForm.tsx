import { CreateEventBody, UpdateEventBody, type Event } from '@spotlight/contracts';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { Button } from '../../ui/Button';
import { FormAlert, TextArea, TextField } from '../../ui/Field';
import { Switch } from '../../ui/Switch';
import { useCreateEvent, useUpdateEvent } from './mutations';
import { useEditForm } from '../../lib/useEditForm';

const FIELDS = ['name', 'location', 'startDate', 'endDate', 'worldsdcId', 'description'] as const;
type FieldName = (typeof FIELDS)[number];
type FormValues = Record<FieldName, string>;

const EMPTY: FormValues = {
  name: '',
  location: '',
  startDate: '',
  endDate: '',
  worldsdcId: '',
  description: '',
};

const toForm = (event: Event): FormValues => ({
  name: event.name,
  location: event.location,
  startDate: event.startDate,
  endDate: event.endDate,
  worldsdcId: event.worldsdcId ?? '',
  description: event.description ?? '',
});

/** A new event: the optional fields left empty are left out. */
const newEvent = (values: FormValues) =>
  Object.fromEntries(
    FIELDS.flatMap((field) => (values[field].trim() ? [[field, values[field].trim()]] : [])),
  );

type Change = (event: { target: { value: string } }) => void;
/** What `useSchemaForm`'s `field` gives a text control. */
type Bind = (name: FieldName) => {
  name: string;
  value: string;
  error: string | undefined;
  onChange: Change;
  onBlur: Change;
};

function EventFields({ field }: { field: Bind }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField label={t('organiser.form.name')} {...field('name')} />
      <TextField label={t('organiser.form.location')} {...field('location')} autoComplete="off" />
      <div className="grid grid-cols-2 gap-3">
        <TextField label={t('organiser.form.starts')} type="date" {...field('startDate')} />
        <TextField label={t('organiser.form.ends')} type="date" {...field('endDate')} />
      </div>
      <TextField
        label={t('organiser.form.wsdcId')}
        hint={t('organiser.form.optional')}
        {...field('worldsdcId')}
      />
      <TextArea
        label={t('organiser.form.description')}
        rows={4}
        hint={t('organiser.form.optional')}
        {...field('description')}
      />
    </>
  );
}

/** Edits an event's fields; sends only what changed (PATCH). */
export function EditEventForm({ event }: { event: Event }) {
  const { t } = useTranslation();
  const update = useUpdateEvent(event.id);
  const { form, notice, handleSubmit } = useEditForm(
    UpdateEventBody,
    FIELDS,
    toForm(event),
    update,
    {
      toForm,
      savedNotice: t('organiser.form.eventSaved'),
    },
  );

  return (
    <form
      onSubmit={handleSubmit}
      className="space-y-4"
      noValidate
      aria-label={t('organiser.form.detailsLabel')}
    >
      <EventFields field={form.field} />
      <FormAlert message={form.formError} />
      {notice && (
        <p role="status" className="text-sm text-emerald-800">
          {notice}
        </p>
      )}
      <Button type="submit" className="w-full" busy={update.isPending}>
        {t('organiser.form.save')}
      </Button>
    </form>
  );
}

/** A new event; its creator becomes its first organiser. */
export function CreateEventForm({ onCreated }: { onCreated: (event: Event) => void }) {
  const { t } = useTranslation();
  const create = useCreateEvent();
  const form = useSchemaForm(CreateEventBody, EMPTY, {
    toBody: newEvent,
    showErrors: 'submit',
    codeFields: { conflict: 'worldsdcId' },
  });

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate();
    if (!body) return;
    create.mutate(body, {
      onSuccess: (event) => {
        form.reset(EMPTY);
        onCreated(event);
      },
      onError: form.showServerError,
    });
  };

  return (
    <form
      onSubmit={handleSubmit}
      className="space-y-4"
      noValidate
      aria-label={t('organiser.form.newLabel')}
    >
      <EventFields field={form.field} />
      <FormAlert message={form.formError} />
      <Button type="submit" className="w-full" busy={create.isPending}>
        {t('organiser.form.create')}
      </Button>
    </form>
  );
}

/** The organiser's rule that taking part needs a confirmed address; saved when switched. */
export function VerifiedEmailSetting({ event }: { event: Event }) {
  const { t } = useTranslation();
  const update = useUpdateEvent(event.id);
  const checked = update.isPending
    ? (update.variables.requireVerifiedEmail ?? event.requireVerifiedEmail)
    : event.requireVerifiedEmail;
  return (
    <div className="space-y-2 border-t border-slate-200 pt-3">
      <Switch
        label={t('organiser.form.requireVerified')}
        checked={checked}
        disabled={update.isPending}
        onChange={(requireVerifiedEmail) => update.mutate({ requireVerifiedEmail })}
        hint={t('organiser.form.requireVerifiedHint')}
      />
      <FormAlert message={update.error ? errorMessage(update.error) : undefined} />
      {update.isSuccess && (
        <p role="status" className="text-sm text-emerald-800">
          {event.requireVerifiedEmail
            ? t('organiser.form.savedRequired')
            : t('organiser.form.savedAnyone')}
        </p>
      )}
    </div>
  );
}
