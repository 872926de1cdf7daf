import { useState, type ComponentProps, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { Button } from '../../ui/Button';
import { FormAlert, TextField } from '../../ui/Field';
import { nextPath } from '../../shared/session';
import { AuthShell } from './AuthShell';
import { useTranslation } from 'react-i18next';

/** Server error codes that belong to one field of the auth forms. */
export const AUTH_CODE_FIELDS = {
  email_taken: 'email',
  username_taken: 'username',
  weak_password: 'password',
} as const;

/** The email field both auth pages ask for first. */
export function EmailField(props: Omit<ComponentProps<typeof TextField>, 'label'>) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('auth.email')}
      type="email"
      autoComplete="email"
      inputMode="email"
      {...props}
    />
  );
}

interface SchemaForm<T> {
  validate(): T | undefined;
  showServerError(error: unknown): void;
  formError?: string;
}

/**
 * The signed-out form both auth pages share: validate with the contract's schema, call the
 * server, then go back where the user came from; the server's refusal lands on the form.
 */
export function AuthForm<T>({
  title,
  form,
  action,
  submitLabel,
  notice,
  switchPrompt,
  switchTo,
  switchLabel,
  children,
}: {
  title: string;
  form: SchemaForm<T>;
  action: (body: T) => Promise<unknown>;
  submitLabel: string;
  notice?: string | null;
  switchPrompt: string;
  switchTo: '/login' | '/register';
  switchLabel: string;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  const location = useLocation();
  const [busy, setBusy] = useState(false);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate();
    if (!body) return;
    setBusy(true);
    try {
      await action(body);
      navigate(nextPath(location.state), { replace: true });
    } catch (error) {
      form.showServerError(error);
      setBusy(false);
    }
  };

  return (
    <AuthShell title={title}>
      {notice && (
        <p role="status" className="mb-4 rounded-xl bg-amber-50 p-3 text-sm text-amber-900">
          {notice}
        </p>
      )}
      <form onSubmit={handleSubmit} className="space-y-4" noValidate>
        {children}
        <FormAlert message={form.formError} />
        <Button type="submit" className="w-full" busy={busy}>
          {submitLabel}
        </Button>
      </form>
      <p className="mt-4 text-center text-sm text-slate-600">
        {switchPrompt}{' '}
        <Link
          to={switchTo}
          state={location.state}
          className="inline-block py-3 font-semibold text-violet-700 underline"
        >
          {switchLabel}
        </Link>
      </p>
    </AuthShell>
  );
}
