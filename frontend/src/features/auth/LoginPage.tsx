import { LoginBody } from '@spotlight/contracts';
import { useSyncExternalStore } from 'react';
import { Link } from 'react-router-dom';
import { TextField } from '../../ui/Field';
import { sessionNotice, useAuth } from '../../shared/session';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { AUTH_CODE_FIELDS, AuthForm, EmailField } from './AuthForm';

const subscribeNotice = (callback: () => void) => sessionNotice.subscribe(callback);

export function LoginPage() {
  const { login } = useAuth();
  const notice = useSyncExternalStore(subscribeNotice, sessionNotice.get);
  const form = useSchemaForm(
    LoginBody,
    { email: '', password: '' },
    {
      codeFields: AUTH_CODE_FIELDS,
    },
  );

  return (
    <AuthForm
      title="Sign in"
      form={form}
      action={login}
      submitLabel="Sign in"
      notice={notice}
      switchPrompt="New here?"
      switchTo="/register"
      switchLabel="Create an account"
    >
      <EmailField {...form.field('email')} />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        {...form.field('password')}
      />
      <p className="-mt-2 text-right text-sm">
        <Link
          to="/forgot-password"
          className="inline-flex min-h-11 items-center px-1 text-violet-700 underline"
        >
          Forgot password?
        </Link>
      </p>
    </AuthForm>
  );
}
