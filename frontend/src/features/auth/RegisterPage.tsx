import { PASSWORD_MIN, RegisterBody } from '@spotlight/contracts';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { Button } from '../../ui/Button';
import { FormAlert, TextField } from '../../ui/Field';
import { useAuth } from './AuthContext';
import { AuthShell } from './AuthShell';
import { nextPath } from './LoginPage';
import { useSchemaForm } from './useSchemaForm';

export function RegisterPage() {
  const { register } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const form = useSchemaForm(RegisterBody, { email: '', username: '', password: '' });
  const [busy, setBusy] = useState(false);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate();
    if (!body) return;
    setBusy(true);
    try {
      await register(body);
      navigate(nextPath(location.state), { replace: true });
    } catch (error) {
      form.showServerError(error);
      setBusy(false);
    }
  };

  return (
    <AuthShell title="Create your account">
      <form onSubmit={handleSubmit} className="space-y-4" noValidate>
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          inputMode="email"
          {...form.field('email')}
        />
        <TextField
          label="Username"
          autoComplete="username"
          autoCapitalize="none"
          hint="What other dancers see; letters, digits, dot, dash, underscore."
          {...form.field('username')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN} characters. A short phrase is easy to remember.`}
          {...form.field('password')}
        />
        <FormAlert message={form.formError} />
        <Button type="submit" className="w-full" busy={busy}>
          Create account
        </Button>
      </form>
      <p className="mt-4 text-center text-sm text-slate-600">
        Already have an account?{' '}
        <Link
          to="/login"
          state={location.state}
          className="inline-block py-3 font-semibold text-violet-700 underline"
        >
          Sign in
        </Link>
      </p>
    </AuthShell>
  );
}
