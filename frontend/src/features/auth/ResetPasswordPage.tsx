import { api, NewPassword } from '@spotlight/contracts';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { apiCall } from '../../lib/api/client';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { Button } from '../../ui/Button';
import { FormAlert, TextField } from '../../ui/Field';
import { AUTH_CODE_FIELDS } from './AuthForm';
import { AuthShell } from './AuthShell';

const Form = z.object({ password: NewPassword });

/** Opened from the mailed link (`/reset-password?token=…`): choose the new password. */
export function ResetPasswordPage() {
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const form = useSchemaForm(Form, { password: '' }, { codeFields: AUTH_CODE_FIELDS });
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate();
    if (!body) return;
    setBusy(true);
    try {
      await apiCall(api.auth.passwordResetConfirm, { body: { token, password: body.password } });
      setDone(true);
    } catch (error) {
      form.showServerError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthShell title="Choose a new password">
      {done ? (
        <p role="status" className="rounded-xl bg-emerald-50 p-3 text-sm text-emerald-900">
          Your password is changed, and every device was signed out.
        </p>
      ) : (
        <form onSubmit={handleSubmit} className="space-y-4" noValidate>
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            hint="At least 8 characters; a passphrase is best."
            {...form.field('password')}
          />
          <FormAlert message={form.formError} />
          <Button type="submit" className="w-full" busy={busy}>
            Set the new password
          </Button>
        </form>
      )}
      <p className="mt-4 text-center text-sm">
        <Link to="/login" className="inline-block py-3 font-semibold text-violet-700 underline">
          {done ? 'Sign in' : 'Back to sign in'}
        </Link>
        {!done && (
          <>
            {' · '}
            <Link
              to="/forgot-password"
              className="inline-block py-3 font-semibold text-violet-700 underline"
            >
              Mail me a new link
            </Link>
          </>
        )}
      </p>
    </AuthShell>
  );
}
