import { Link } from 'react-router-dom';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { RelativeTime } from '../../ui/RelativeTime';
import { PushPrompt } from './PushPrompt';
import { useMarkAllRead, useNotifications } from './queries';

/** The notification centre: what the server told this user, on any device, newest first. */
export function NotificationsPage() {
  const query = useNotifications();
  const markAll = useMarkAllRead();
  return (
    <div className="space-y-3 p-3">
      <PageHeader
        title="Notifications"
        actions={
          <Button variant="secondary" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
            Mark all read
          </Button>
        }
      />
      <PushPrompt />
      <QueryState query={query} what="notifications">
        {(list) =>
          list.items.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing yet.</p>
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
