import { api, PasswordResetBody } from '@spotlight/contracts';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { apiCall } from '../../lib/api/client';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/Field';
import { EmailField } from './AuthForm';
import { AuthShell } from './AuthShell';
import { useTranslation } from 'react-i18next';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useSchemaForm(PasswordResetBody, { email: '' });
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate();
    if (!body) return;
    setBusy(true);
    try {
      // The answer is the same for any address; its words are the app's, in its language.
      await apiCall(api.auth.passwordReset, { body });
      setSent(true);
    } catch (error) {
      form.showServerError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthShell title={t('auth.forgot.title')}>
      {sent ? (
        <p role="status" className="rounded-xl bg-emerald-50 p-3 text-sm text-emerald-900">
          {t('auth.forgot.sent')}
        </p>
      ) : (
        <form onSubmit={handleSubmit} className="space-y-4" noValidate>
          <p className="text-sm text-slate-600">{t('auth.forgot.intro')}</p>
          <EmailField {...form.field('email')} />
          <FormAlert message={form.formError} />
          <Button type="submit" className="w-full" busy={busy}>
            {t('auth.forgot.submit')}
          </Button>
        </form>
      )}
      <p className="mt-4 text-center text-sm">
        <Link to="/login" className="inline-block py-3 font-semibold text-violet-700 underline">
          {t('auth.backToSignIn')}
        </Link>
      </p>
    </AuthShell>
  );
}
