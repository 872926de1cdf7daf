import { api, PasswordResetBody } from '@spotlight/contracts';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { apiCall } from '../../lib/api/client';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/Field';
import { EmailField } from './AuthForm';
import { AuthShell } from './AuthShell';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const form = useSchemaForm(PasswordResetBody, { email: '' });
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<string>();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate();
    if (!body) return;
    setBusy(true);
    try {
      setSent((await apiCall(api.auth.passwordReset, { body })).message);
    } catch (error) {
      form.showServerError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthShell title="Reset your password">
      {sent ? (
        <p role="status" className="rounded-xl bg-emerald-50 p-3 text-sm text-emerald-900">
          {sent} Check your inbox (and spam folder); the link is valid for 1 hour.
        </p>
      ) : (
        <form onSubmit={handleSubmit} className="space-y-4" noValidate>
          <p className="text-sm text-slate-600">
            Enter the e-mail address of your account and we will mail you a link to choose a new
            password.
          </p>
          <EmailField {...form.field('email')} />
          <FormAlert message={form.formError} />
          <Button type="submit" className="w-full" busy={busy}>
            Send the link
          </Button>
        </form>
      )}
      <p className="mt-4 text-center text-sm">
        <Link to="/login" className="inline-block py-3 font-semibold text-violet-700 underline">
          Back to sign in
        </Link>
      </p>
    </AuthShell>
  );
}
