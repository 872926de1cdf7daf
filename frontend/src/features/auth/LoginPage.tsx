import { LoginBody } from '@spotlight/contracts';
import { useSyncExternalStore } from 'react';
import { Link } from 'react-router-dom';
import { TextField } from '../../ui/Field';
import { sessionNotice, useAuth } from '../../shared/session';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { AUTH_CODE_FIELDS, AuthForm, EmailField } from './AuthForm';
import { useTranslation } from 'react-i18next';

const subscribeNotice = (callback: () => void) => sessionNotice.subscribe(callback);

export function LoginPage() {
  const { login } = useAuth();
  const { t } = useTranslation();
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
      title={t('auth.signIn')}
      form={form}
      action={login}
      submitLabel={t('auth.signIn')}
      notice={notice}
      switchPrompt={t('auth.login.newHere')}
      switchTo="/register"
      switchLabel={t('auth.login.createAccount')}
    >
      <EmailField {...form.field('email')} />
      <TextField
        label={t('auth.password')}
        type="password"
        autoComplete="current-password"
        {...form.field('password')}
      />
      <p className="-mt-2 text-right text-sm">
        <Link
          to="/forgot-password"
          className="inline-flex min-h-11 items-center px-1 text-violet-700 underline"
        >
          {t('auth.login.forgotPassword')}
        </Link>
      </p>
    </AuthForm>
  );
}
