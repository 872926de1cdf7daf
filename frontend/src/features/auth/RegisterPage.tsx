import { PASSWORD_MIN, RegisterBody, USERNAME_RULE } from '@spotlight/contracts';
import { TextField } from '../../ui/Field';
import { useAuth } from '../../shared/session';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { AUTH_CODE_FIELDS, AuthForm, EmailField } from './AuthForm';

export function RegisterPage() {
  const { register } = useAuth();
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
        label="Your name (optional)"
        autoComplete="name"
        hint="As dancers will see it, in any script: José, Ana Lopez."
        {...form.field('displayName')}
      />
      <TextField
        label="Username"
        autoComplete="username"
        autoCapitalize="none"
        hint={`Your handle: ${USERNAME_RULE}.`}
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
