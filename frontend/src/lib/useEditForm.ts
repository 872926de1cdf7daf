import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { changedFields } from './changedFields';
import { useSchemaForm } from './useSchemaForm';

interface Save<R> {
  mutate(
    body: never,
    options: { onSuccess: (saved: R) => void; onError: (e: unknown) => void },
  ): void;
}

/**
 * A form that edits saved text fields and sends only what changed (a PATCH body, checked by
 * the server's schema). Submitting with nothing changed says so instead of sending; a save
 * resets the form to the server's answer and shows `savedNotice`.
 */
export function useEditForm<F extends string, S extends z.ZodType, R>(
  schema: S,
  fields: readonly F[],
  saved: Record<F, string>,
  save: Save<R>,
  { toForm, savedNotice }: { toForm: (saved: R) => Record<F, string>; savedNotice: string },
) {
  const changes = (values: Record<F, string>) => changedFields(fields, values, saved);
  const form = useSchemaForm(schema, saved, { toBody: changes, showErrors: 'submit' });
  const [notice, setNotice] = useState<string>();

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    if (Object.keys(changes(form.values)).length === 0) {
      setNotice('Nothing changed.');
      return;
    }
    const body = form.validate();
    if (!body) return;
    save.mutate(body as never, {
      onSuccess: (result) => {
        form.reset(toForm(result));
        setNotice(savedNotice);
      },
      onError: form.showServerError,
    });
  };

  return { form, notice, setNotice, handleSubmit };
}
