import { PASSWORD_MIN, RegisterBody } from '@spotlight/contracts';
import { TextField } from '../../ui/Field';
import { useAuth } from '../../shared/session';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { AUTH_CODE_FIELDS, AuthForm, EmailField } from './AuthForm';
import { useTranslation } from 'react-i18next';

export function RegisterPage() {
  const { register } = useAuth();
  const { t } = useTranslation();
  const form = useSchemaForm(
    RegisterBody,
    { email: '', displayName: '', username: '', password: '' },
    {
      // The name is optional: left empty, dancers see the username.
      toBody: ({ displayName, ...rest }) => ({
        ...rest,
        ...(displayName.trim() ? { displayName } : {}),
      }),
      codeFields: AUTH_CODE_FIELDS,
    },
  );

  return (
    <AuthForm
      title={t('auth.register.title')}
      form={form}
      action={register}
      submitLabel={t('auth.register.submit')}
      switchPrompt={t('auth.register.haveAccount')}
      switchTo="/login"
      switchLabel={t('auth.signIn')}
    >
      <EmailField {...form.field('email')} />
      <TextField
        label={t('auth.register.name')}
        autoComplete="name"
        hint={t('auth.register.nameHint')}
        {...form.field('displayName')}
      />
      <TextField
        label={t('auth.register.username')}
        autoComplete="username"
        autoCapitalize="none"
        hint={t('auth.register.usernameHint')}
        {...form.field('username')}
      />
      <TextField
        label={t('auth.password')}
        type="password"
        autoComplete="new-password"
        hint={t('auth.register.passwordHint', { min: PASSWORD_MIN })}
        {...form.field('password')}
      />
    </AuthForm>
  );
}
