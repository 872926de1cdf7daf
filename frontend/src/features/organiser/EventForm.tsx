import { CreateEventBody, UpdateEventBody, type Event } from '@spotlight/contracts';
import { type FormEvent } from 'react';
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
  return (
    <>
      <TextField label="Name" {...field('name')} />
      <TextField label="Location" {...field('location')} autoComplete="off" />
      <div className="grid grid-cols-2 gap-3">
        <TextField label="Starts" type="date" {...field('startDate')} />
        <TextField label="Ends" type="date" {...field('endDate')} />
      </div>
      <TextField label="WSDC event id" hint="Optional" {...field('worldsdcId')} />
      <TextArea label="Description" rows={4} hint="Optional" {...field('description')} />
    </>
  );
}

/** Edits an event's fields; sends only what changed (PATCH). */
export function EditEventForm({ event }: { event: Event }) {
  const update = useUpdateEvent(event.id);
  const { form, notice, handleSubmit } = useEditForm(
    UpdateEventBody,
    FIELDS,
    toForm(event),
    update,
    {
      toForm,
      savedNotice: 'Event saved.',
    },
  );

  return (
    <form onSubmit={handleSubmit} className="space-y-4" noValidate aria-label="Event details">
      <EventFields field={form.field} />
      <FormAlert message={form.formError} />
      {notice && (
        <p role="status" className="text-sm text-emerald-800">
          {notice}
        </p>
      )}
      <Button type="submit" className="w-full" busy={update.isPending}>
        Save event
      </Button>
    </form>
  );
}

/** A new event; its creator becomes its first organiser. */
export function CreateEventForm({ onCreated }: { onCreated: (event: Event) => void }) {
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
    <form onSubmit={handleSubmit} className="space-y-4" noValidate aria-label="New event">
      <EventFields field={form.field} />
      <FormAlert message={form.formError} />
      <Button type="submit" className="w-full" busy={create.isPending}>
        Create event
      </Button>
    </form>
  );
}

/** The organiser's rule that taking part needs a confirmed address; saved when switched. */
export function VerifiedEmailSetting({ event }: { event: Event }) {
  const update = useUpdateEvent(event.id);
  const checked = update.isPending
    ? (update.variables.requireVerifiedEmail ?? event.requireVerifiedEmail)
    : event.requireVerifiedEmail;
  return (
    <div className="space-y-2 border-t border-slate-200 pt-3">
      <Switch
        label="Require a confirmed e-mail address"
        checked={checked}
        disabled={update.isPending}
        onChange={(requireVerifiedEmail) => update.mutate({ requireVerifiedEmail })}
        hint="Dancers confirm their address before they join, check in, ask for a partner, declare heats or write in the event chat. Those who joined already stay and can read."
      />
      <FormAlert message={update.error ? errorMessage(update.error) : undefined} />
      {update.isSuccess && (
        <p role="status" className="text-sm text-emerald-800">
          {event.requireVerifiedEmail
            ? 'Saved: a confirmed address is required.'
            : 'Saved: anyone signed in may take part.'}
        </p>
      )}
    </div>
  );
}
