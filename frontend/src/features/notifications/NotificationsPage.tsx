import { Link } from 'react-router-dom';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { RelativeTime } from '../../ui/RelativeTime';
import { PushPrompt } from './PushPrompt';
import { useMarkAllRead, useNotifications } from './queries';
import { useTranslation } from 'react-i18next';

/** The notification centre: what the server told this user, on any device, newest first. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const query = useNotifications();
  const markAll = useMarkAllRead();
  return (
    <div className="space-y-3 p-3">
      <PageHeader
        title={t('notifications.title')}
        actions={
          <Button variant="secondary" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <PushPrompt />
      <QueryState query={query} what={t('notifications.what')}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="text-sm text-slate-600">{t('notifications.none')}</p>
          ) : (
            <ul className="space-y-2">
              {list.items.map((n) => (
                <li key={n.id}>
                  <Link
                    to={n.url}
                    className={`block rounded-2xl p-3 shadow-sm ${n.readAt ? 'bg-white' : 'bg-violet-50'}`}
                  >
                    <p className="font-semibold">{n.title}</p>
                    <p className="text-sm text-slate-700">{n.body}</p>
                    <RelativeTime value={n.createdAt} className="text-xs text-slate-500" />
                  </Link>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </div>
  );
}
