import { PASSWORD_MIN, RegisterBody } from '@spotlight/contracts';
import { TextField } from '../../ui/Field';
import { useAuth } from '../../shared/session';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { AUTH_CODE_FIELDS, AuthForm, EmailField } from './AuthForm';

export function RegisterPage() {
  const { register } = useAuth();
  const form = useSchemaForm(
    RegisterBody,
    { email: '', username: '', password: '' },
    {
      codeFields: AUTH_CODE_FIELDS,
    },
  );

  return (
    <AuthForm
      title="Create your account"
      form={form}
      action={register}
      submitLabel="Create account"
      switchPrompt="Already have an account?"
      switchTo="/login"
      switchLabel="Sign in"
    >
      <EmailField {...form.field('email')} />
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
    </AuthForm>
  );
}
