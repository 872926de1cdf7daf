import { GrantOrganiserBody } from '@spotlight/contracts';
import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { Avatar, nameOf } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { FormAlert, TextField } from '../../ui/Field';
import { QueryState } from '../../ui/QueryState';
import { useGrantOrganiser, useRevokeOrganiser } from './mutations';
import { organisersQuery } from './queries';

/** The event's organisers: add one by username, remove one (the last one stays). */
export function OrganisersSection({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const organisers = useQuery(organisersQuery(eventId));
  const grant = useGrantOrganiser(eventId);
  const revoke = useRevokeOrganiser(eventId);
  const form = useSchemaForm(
    GrantOrganiserBody,
    { username: '' },
    { showErrors: 'submit', codeFields: { not_found: 'username' } },
  );

  const handleAdd = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate();
    if (!body) return;
    revoke.reset();
    grant.mutate(body.username, {
      onSuccess: () => form.reset({ username: '' }),
      onError: form.showServerError,
    });
  };

  return (
    <section
      aria-labelledby="organisers-title"
      className="space-y-3 rounded-2xl bg-white p-4 shadow-sm"
    >
      <h2 id="organisers-title" className="font-semibold text-slate-900">
        {t('organiser.organisers.title')}
      </h2>
      <QueryState query={organisers} what={t('organiser.organisers.loading')}>
        {(data) => (
          <ul className="divide-y divide-slate-100" aria-label={t('organiser.organisers.title')}>
            {data.items.map((organiser) => {
              const name = nameOf(organiser);
              return (
                <li key={organiser.id} className="flex items-center gap-3 py-2">
                  <Avatar name={name} url={organiser.avatar} size="sm" />
                  <div className="min-w-0 flex-1">
                    <p className="truncate font-medium">{name}</p>
                    <p className="truncate text-xs text-slate-500">@{organiser.username}</p>
                  </div>
                  <Button
                    variant="danger"
                    className="px-3"
                    busy={revoke.isPending && revoke.variables === organiser.id}
                    onClick={() => revoke.mutate(organiser.id)}
                    aria-label={t('organiser.organisers.removeLabel', { name })}
                  >
                    {t('organiser.organisers.remove')}
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
      {revoke.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(revoke.error)}
        </p>
      )}
      <form
        onSubmit={handleAdd}
        className="space-y-3"
        noValidate
        aria-label={t('organiser.organisers.addLabel')}
      >
        <TextField
          label={t('organiser.organisers.username')}
          hint={t('organiser.organisers.usernameHint')}
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          {...form.field('username')}
        />
        <FormAlert message={form.formError} />
        <Button type="submit" variant="secondary" className="w-full" busy={grant.isPending}>
          {t('organiser.organisers.add')}
        </Button>
      </form>
    </section>
  );
}
