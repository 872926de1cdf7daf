import { api, ChangeEmailBody, type Me } from '@spotlight/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { apiCall } from '../../lib/api/client';
import { errorMessage } from '../../lib/errors';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { authKeys, useMe, useResendVerification } from '../../shared/session';
import { Button } from '../../ui/Button';
import { FormAlert, TextField } from '../../ui/Field';

const EMPTY = { email: '', password: '' };

/**
 * The sign-in address: whether it is confirmed, the address waiting for its link, and the
 * change form. Nothing changes until the link mailed to the new address is opened.
 */
export function EmailSection() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const form = useSchemaForm(ChangeEmailBody, EMPTY, {
    showErrors: 'submit',
    codeFields: { email_taken: 'email', password_incorrect: 'password' },
  });
  const change = useMutation({
    mutationFn: (body: ChangeEmailBody) => apiCall(api.auth.changeEmail, { body }),
    onSuccess: ({ pendingEmail }) => {
      setOpen(false);
      form.reset(EMPTY);
      client.setQueryData<Me | null>(authKeys.me, (me) => me && { ...me, pendingEmail });
    },
    onError: (error) => form.showServerError(error),
  });
  const resend = useResendVerification();

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate();
    if (body) change.mutate(body);
  };

  return (
    <section className="space-y-3 rounded-2xl bg-white p-4 shadow-sm" aria-labelledby="email">
      <h2 id="email" className="font-semibold text-slate-900">
        {t('profile.email.title')}
      </h2>
      <p className="text-sm text-slate-700">
        <Trans
          i18nKey={me.emailVerified ? 'profile.email.confirmed' : 'profile.email.unconfirmed'}
          components={{ email: <strong className="break-all">{me.email}</strong> }}
        />
      </p>
      {!me.emailVerified && (
        <div className="text-sm text-slate-700">
          {resend.isSuccess ? (
            <p role="status">{t('profile.email.resent', { email: me.email })}</p>
          ) : (
            <Button
              variant="ghost"
              className="-ml-4"
              busy={resend.isPending}
              onClick={() => resend.mutate()}
            >
              {t('profile.email.resend')}
            </Button>
          )}
          {resend.isError && <FormAlert message={errorMessage(resend.error)} />}
        </div>
      )}
      {me.pendingEmail && (
        <p role="status" className="rounded-xl bg-violet-50 p-3 text-sm text-violet-900">
          <Trans
            i18nKey="profile.email.pending"
            values={{ email: me.email }}
            components={{ pending: <strong className="break-all">{me.pendingEmail}</strong> }}
          />
        </p>
      )}
      {open ? (
        <form onSubmit={handleSubmit} className="space-y-4" noValidate>
          <TextField
            label={t('profile.email.newAddress')}
            type="email"
            autoComplete="email"
            autoCapitalize="none"
            {...form.field('email')}
          />
          <TextField
            label={t('profile.email.password')}
            type="password"
            autoComplete="current-password"
            hint={t('profile.email.passwordHint')}
            {...form.field('password')}
          />
          <FormAlert message={form.formError} />
          <div className="flex gap-2">
            <Button type="submit" className="flex-1" busy={change.isPending}>
              {t('profile.email.send')}
            </Button>
            <Button
              variant="ghost"
              onClick={() => {
                setOpen(false);
                form.reset(EMPTY);
              }}
            >
              {t('profile.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <Button variant="secondary" className="w-full" onClick={() => setOpen(true)}>
          {t('profile.email.change')}
        </Button>
      )}
    </section>
  );
}
