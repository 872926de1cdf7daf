import {
  useId,
  type InputHTMLAttributes,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  type ReactNode,
} from 'react';
import { cx } from './cx';

const control =
  'block w-full rounded-xl border bg-white px-3 text-base text-slate-900 placeholder:text-slate-400 focus:border-violet-600 focus:outline-none focus:ring-2 focus:ring-violet-200 disabled:bg-slate-100';

interface ControlIds {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: ReactNode;
  /** The control itself, given the ids and classes that tie it to its label, hint and error. */
  children: (control: ControlProps) => ReactNode;
}

/** What every control of a field carries: its id, what describes it, and its look. */
export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  className: string;
}

const controlProps = ({ id, describedBy, invalid }: ControlIds, className?: string) => ({
  id,
  'aria-describedby': describedBy,
  'aria-invalid': invalid || undefined,
  className: cx(control, invalid ? 'border-red-500' : 'border-slate-300', className),
});

/**
 * The one field: label, control, hint and error, wired with ids so that screen readers read
 * them together. TextField, TextArea and SelectField are this with their control.
 */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children(controlProps({ id, describedBy, invalid: Boolean(error) }))}
      {hint && (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

type Labelled = { label: string; error?: string; hint?: ReactNode };

export function TextField({
  label,
  error,
  hint,
  className,
  ...rest
}: InputHTMLAttributes<HTMLInputElement> & Labelled) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(props) => (
        <input {...props} className={cx(props.className, 'min-h-11', className)} {...rest} />
      )}
    </Field>
  );
}

export function TextArea({
  label,
  error,
  hint,
  className,
  ...rest
}: TextareaHTMLAttributes<HTMLTextAreaElement> & Labelled) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(props) => (
        <textarea {...props} className={cx(props.className, 'py-2', className)} {...rest} />
      )}
    </Field>
  );
}

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> &
  Labelled & { options: readonly { value: string; label: string }[] };

export function SelectField({ label, error, hint, options, className, ...rest }: SelectProps) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(props) => (
        <select {...props} className={cx(props.className, 'min-h-11', className)} {...rest}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A form-level message (the server's answer), announced when it appears. */
export function FormAlert({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-xl border border-red-200 bg-red-50 p-3 text-sm text-red-900">
      {message}
    </p>
  );
}
