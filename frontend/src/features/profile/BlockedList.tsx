import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../lib/errors';
import { Avatar, nameOf } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { QueryState } from '../../ui/QueryState';
import { blocksQuery, useUnblock } from './blocks';

/** On the dancer's own profile: whom they blocked, each with "Unblock". */
export function BlockedList() {
  const { t } = useTranslation();
  const blocks = useQuery(blocksQuery());
  const unblock = useUnblock();
  return (
    <section
      aria-labelledby="blocked-title"
      className="space-y-2 rounded-2xl bg-white p-4 shadow-sm"
    >
      <h2 id="blocked-title" className="font-semibold text-slate-900">
        {t('profile.blocks.title')}
      </h2>
      <QueryState query={blocks} what={t('profile.blocks.loading')}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="text-sm text-slate-600">{t('profile.blocks.none')}</p>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label={t('profile.blocks.title')}>
              {data.items.map((user) => {
                const name = nameOf(user);
                return (
                  <li key={user.id} className="flex items-center gap-3 py-2">
                    <Avatar name={name} url={user.avatar} size="sm" />
                    <Link
                      to={`/users/${user.id}`}
                      className="flex min-h-11 min-w-0 flex-1 items-center font-medium hover:underline"
                    >
                      <span className="truncate">{name}</span>
                    </Link>
                    <Button
                      variant="secondary"
                      className="px-3"
                      busy={unblock.isPending && unblock.variables === user.id}
                      onClick={() => unblock.mutate(user.id)}
                      aria-label={t('profile.blocks.unblockName', { name })}
                    >
                      {t('profile.blocks.unblock')}
                    </Button>
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryState>
      {unblock.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(unblock.error)}
        </p>
      )}
    </section>
  );
}
