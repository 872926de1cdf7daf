import { LoginBody } from '@spotlight/contracts';
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { Button } from '../../ui/Button';
import { FormAlert, TextField } from '../../ui/Field';
import { useAuth } from './AuthContext';
import { AuthShell } from './AuthShell';
import { sessionNotice } from './session';
import { useSchemaForm } from './useSchemaForm';

const subscribeNotice = (callback: () => void) => sessionNotice.subscribe(callback);

/** Where to go after signing in: the page that sent us here, if it is one of ours. */
export const nextPath = (state: unknown) => {
  const from = (state as { from?: string } | null)?.from;
  return from && from.startsWith('/') && !from.startsWith('//') ? from : '/events';
};

export function LoginPage() {
  const { login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const notice = useSyncExternalStore(subscribeNotice, sessionNotice.get);
  const form = useSchemaForm(LoginBody, { email: '', password: '' });
  const [busy, setBusy] = useState(false);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate();
    if (!body) return;
    setBusy(true);
    try {
      await login(body);
      navigate(nextPath(location.state), { replace: true });
    } catch (error) {
      form.showServerError(error);
      setBusy(false);
    }
  };

  return (
    <AuthShell title="Sign in">
      {notice && (
        <p role="status" className="mb-4 rounded-xl bg-amber-50 p-3 text-sm text-amber-900">
          {notice}
        </p>
      )}
      <form onSubmit={handleSubmit} className="space-y-4" noValidate>
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          inputMode="email"
          {...form.field('email')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          {...form.field('password')}
        />
        <FormAlert message={form.formError} />
        <Button type="submit" className="w-full" busy={busy}>
          Sign in
        </Button>
      </form>
      <p className="mt-4 text-center text-sm text-slate-600">
        New here?{' '}
        <Link
          to="/register"
          state={location.state}
          className="inline-block py-3 font-semibold text-violet-700 underline"
        >
          Create an account
        </Link>
      </p>
    </AuthShell>
  );
}
