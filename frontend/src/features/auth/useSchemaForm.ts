import { useState, type FocusEvent } from 'react';
import type { z } from 'zod';
import { isApiError } from '../../lib/api/client';
import { errorMessage } from '../../lib/errors';

type Errors<K extends string> = Partial<Record<K, string>>;

/** Server error codes that belong to one field rather than to the whole form. */
const CODE_FIELDS: Record<string, string> = {
  email_taken: 'email',
  username_taken: 'username',
  weak_password: 'password',
};

/**
 * Form state validated by the same zod schema the server uses: a field shows its error once
 * it has been left (or on submit), and the server's answer lands on its field or the form.
 */
export function useSchemaForm<K extends string, S extends z.ZodType>(
  schema: S,
  initial: Record<K, string>,
) {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<Partial<Record<K, boolean>>>({});
  const [serverErrors, setServerErrors] = useState<Errors<K>>({});
  const [formError, setFormError] = useState<string>();

  const parsed = schema.safeParse(values);
  const clientErrors: Errors<K> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '') as K;
      if (field in initial && !clientErrors[field]) clientErrors[field] = issue.message;
    }
  }

  const errorFor = (field: K) =>
    serverErrors[field] ?? (touched[field] ? clientErrors[field] : undefined);

  const field = (name: K) => ({
    name,
    value: values[name],
    error: errorFor(name),
    onChange: (event: { target: { value: string } }) => {
      setValues((v) => ({ ...v, [name]: event.target.value }));
      setServerErrors((e) => ({ ...e, [name]: undefined }));
      setFormError(undefined);
    },
    onBlur: (event: FocusEvent) => {
      // Leaving an empty field untouched is not an error yet.
      if ((event.target as HTMLInputElement).value !== '')
        setTouched((t) => ({ ...t, [name]: true }));
    },
  });

  /** Validates everything; returns the parsed body, or undefined after showing the errors. */
  const validate = (): z.infer<S> | undefined => {
    setTouched(
      Object.fromEntries(Object.keys(initial).map((k) => [k, true])) as Record<K, boolean>,
    );
    return parsed.success ? parsed.data : undefined;
  };

  const showServerError = (error: unknown) => {
    if (!isApiError(error)) {
      setFormError(errorMessage(error));
      return;
    }
    const next: Errors<K> = {};
    for (const issue of error.issues) {
      const name = issue.path.replace(/^body\./, '').split('.')[0] as K;
      if (name in initial && !next[name]) next[name] = issue.message;
    }
    const codeField = CODE_FIELDS[error.code] as K | undefined;
    if (codeField && codeField in initial) next[codeField] = error.message;
    setServerErrors(next);
    setFormError(error.message);
  };

  return { values, field, validate, showServerError, formError };
}
