import { useState } from 'react';
import type { z } from 'zod';
import { isApiError } from './api/client';
import { errorMessage } from './errors';
import { currentLanguage } from './i18n';
import { issueMessage } from './validation';

/** The server's words in English (written for this case), else its code's translation. */
const serverText = (error: { message: string }) =>
  currentLanguage() === 'en' ? error.message : errorMessage(error);

type Errors<K extends string> = Partial<Record<K, string>>;
type Flags<K extends string> = Partial<Record<K, boolean>>;

export interface SchemaFormOptions<V, K extends string> {
  /** The body the schema checks, built from the form's values (default: the values). */
  toBody?: (values: V) => unknown;
  /**
   * When a field's own error shows: `blur` once the field has been left with something in
   * it (sign in, register); `submit` after a submit, until the field is edited again.
   * Either way every error shows on submit.
   */
  showErrors?: 'blur' | 'submit';
  /** Server error codes that belong to one field rather than to the whole form. */
  codeFields?: Partial<Record<string, string>>;
  /** Friendlier words than the schema's for a field's error (e.g. "Choose a reason"). */
  messages?: Errors<K>;
}

/**
 * After a refused submit, focus goes to the first invalid field in the form's own order (the
 * form of the submit button that has focus), so a screen reader reads its error next.
 */
function focusFirstInvalid(invalid: Set<string>) {
  const active = document.activeElement as HTMLButtonElement | null;
  const scope: ParentNode = active?.form ?? document;
  const controls = scope.querySelectorAll<HTMLElement & { name: string }>('[name]');
  const first = Array.from(controls).find((control) => invalid.has(control.name));
  // After React has rendered the errors (a discrete event's update is flushed before any
  // timer), so aria-describedby already points at them. Not requestAnimationFrame: a page the
  // browser does not paint (a background tab) never runs it.
  if (first) setTimeout(() => first.focus(), 0);
}

function isSubmitButton(target: EventTarget | null | undefined) {
  return (
    (target instanceof HTMLButtonElement || target instanceof HTMLInputElement) &&
    target.type === 'submit'
  );
}

/**
 * Form state validated by the same zod schema the server uses (from @spotlight/contracts).
 * Client errors land under their fields; the server's answer lands on its fields (issues, or
 * a code named in `codeFields`), or on the form (`formError`) when not every issue found one.
 */
export function useSchemaForm<V extends Record<string, unknown>, S extends z.ZodType>(
  schema: S,
  initial: V,
  options: SchemaFormOptions<V, Extract<keyof V, string>> = {},
) {
  type K = Extract<keyof V, string>;
  const { toBody = (v: V) => v, showErrors = 'blur', codeFields = {} } = options;
  const messages: Errors<K> = options.messages ?? {};
  const [values, setValues] = useState(initial);
  const [shown, setShown] = useState<Flags<K>>({});
  const [serverErrors, setServerErrors] = useState<Errors<K>>({});
  const [formError, setFormError] = useState<string>();
  const isField = (name: string): name is K => name in initial;

  const parsed = schema.safeParse(toBody(values));
  const clientErrors: Errors<K> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '');
      if (isField(name) && !clientErrors[name])
        clientErrors[name] = messages[name] ?? issueMessage(issue);
    }
  }
  const errors: Errors<K> = {};
  for (const name of Object.keys(initial).filter(isField)) {
    const error = serverErrors[name] ?? (shown[name] ? clientErrors[name] : undefined);
    if (error) errors[name] = error;
  }

  const setValue = <N extends K>(name: N, value: V[N]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setServerErrors((e) => ({ ...e, [name]: undefined }));
    if (showErrors === 'submit') setShown((s) => ({ ...s, [name]: false }));
    setFormError(undefined);
  };

  /** Props for a text field, select or text area bound to a string value. */
  const field = (name: K) => ({
    name,
    value: String(values[name] ?? ''),
    error: errors[name],
    onChange: (event: { target: { value: string } }) => setValue(name, event.target.value as V[K]),
    onBlur: (event: { target: { value: string }; relatedTarget?: EventTarget | null }) => {
      // Leaving an empty field untouched is not an error yet. Leaving it for the submit button
      // shows nothing either: the submit shows every error, and an error appearing now would
      // push the button down between the press and the release, so the tap would miss it.
      if (isSubmitButton(event.relatedTarget)) return;
      if (showErrors === 'blur' && event.target.value !== '')
        setShown((s) => ({ ...s, [name]: true }));
    },
  });

  /** Validates everything; returns the parsed body, or undefined after showing the errors. */
  const validate = (): z.infer<S> | undefined => {
    setShown(Object.fromEntries(Object.keys(initial).map((k) => [k, true])) as Flags<K>);
    if (parsed.success) return parsed.data;
    focusFirstInvalid(new Set(Object.keys(clientErrors)));
    return undefined;
  };

  const showServerError = (error: unknown) => {
    if (!isApiError(error)) {
      setFormError(errorMessage(error));
      return;
    }
    const next: Errors<K> = {};
    const fieldOf = (path: string) => path.replace(/^body\./, '').split('.')[0] ?? '';
    for (const issue of error.issues) {
      const name = fieldOf(issue.path);
      if (isField(name) && !next[name]) next[name] = issueMessage(issue);
    }
    const placed =
      error.issues.length > 0 && error.issues.every((issue) => isField(fieldOf(issue.path)));
    const codeField = codeFields[error.code];
    const onField = codeField !== undefined && isField(codeField);
    if (onField) next[codeField] = serverText(error);
    setServerErrors(next);
    // Said once: under its field, which gets focus so a screen reader reads it, or on the form.
    setFormError(placed || onField ? undefined : serverText(error));
    if (placed || onField) focusFirstInvalid(new Set(Object.keys(next)));
  };

  /** New values (e.g. the server's copy after a save), with no errors showing. */
  const reset = (next: V) => {
    setValues(next);
    setShown({});
    setServerErrors({});
    setFormError(undefined);
  };

  return { values, errors, field, setValue, validate, showServerError, formError, reset };
}
