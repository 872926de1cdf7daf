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
import { useTranslation } from 'react-i18next';

const Form = z.object({ password: NewPassword });

/** Opened from the mailed link (`/reset-password?token=…`): choose the new password. */
export function ResetPasswordPage() {
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const { t } = useTranslation();
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
    <AuthShell title={t('auth.reset.title')}>
      {done ? (
        <p role="status" className="rounded-xl bg-emerald-50 p-3 text-sm text-emerald-900">
          {t('auth.reset.done')}
        </p>
      ) : (
        <form onSubmit={handleSubmit} className="space-y-4" noValidate>
          <TextField
            label={t('auth.reset.newPassword')}
            type="password"
            autoComplete="new-password"
            hint={t('auth.reset.hint')}
            {...form.field('password')}
          />
          <FormAlert message={form.formError} />
          <Button type="submit" className="w-full" busy={busy}>
            {t('auth.reset.submit')}
          </Button>
        </form>
      )}
      <p className="mt-4 text-center text-sm">
        <Link to="/login" className="inline-block py-3 font-semibold text-violet-700 underline">
          {done ? t('auth.signIn') : t('auth.backToSignIn')}
        </Link>
        {!done && (
          <>
            {' · '}
            <Link
              to="/forgot-password"
              className="inline-block py-3 font-semibold text-violet-700 underline"
            >
              {t('auth.reset.newLink')}
            </Link>
          </>
        )}
      </p>
    </AuthShell>
  );
}
