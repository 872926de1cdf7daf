import type { UserSummary } from '@spotlight/contracts';
import { skipToken, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIdParam } from '../../lib/useIdParam';
import { Button, ButtonLink } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { EmptyState } from '../../ui/States';
import { useMe } from '../../shared/session';
import { eventQuery } from '../../shared/events';
import { PinnedAnnouncements } from '../announcements';
import { ActiveUsers } from './ActiveUsers';
import { ChatView } from './ChatView';
import { Composer } from './Composer';
import { chatKeys, othersHere } from './queries';
import { useRoomChat } from './useRoomChat';

/** The event-wide chat, live, with the organisers' announcements pinned on top and who is here. */
export function EventChatPage() {
  const id = useIdParam();
  const me = useMe();
  const { t } = useTranslation();
  const event = useQuery({ ...eventQuery(id), enabled: id > 0 });
  const joined = event.data?.joined === true;
  const chat = useRoomChat('event', id, joined);
  // Filled by the socket (join ack and active_users); never fetched.
  const active = useQuery<UserSummary[]>({
    queryKey: chatKeys.activeUsers(id),
    queryFn: skipToken,
    staleTime: Infinity,
  });
  const [showUsers, setShowUsers] = useState(false);
  const panelId = useId();
  const others = othersHere(active.data, me.id);
  const activeCount = others?.length;

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="border-b border-slate-200 bg-white px-4 pb-2 pt-2">
        <PageHeader
          title={event.data?.name ?? t('chat.eventChat')}
          subtitle={t('chat.eventChat')}
          back={{ to: `/events/${id}`, label: t('chat.backToEvent') }}
          actions={
            joined ? (
              <Button
                variant="secondary"
                className="shrink-0 px-3"
                aria-expanded={showUsers}
                aria-controls={panelId}
                onClick={() => setShowUsers((v) => !v)}
              >
                {activeCount !== undefined
                  ? t('chat.hereNowCount', { n: activeCount })
                  : t('chat.hereNow')}
              </Button>
            ) : undefined
          }
        />
      </div>
      {event.data === undefined || !joined ? (
        <div className="p-4">
          <QueryState query={event} what={t('chat.theEvent')}>
            {() => (
              <EmptyState title={t('chat.joinToChat')}>
                <p>{t('chat.joinToChatBody')}</p>
                <ButtonLink to={`/events/${id}`} className="mt-3">
                  {t('chat.goToEvent')}
                </ButtonLink>
              </EmptyState>
            )}
          </QueryState>
        </div>
      ) : (
        <>
          <section
            id={panelId}
            hidden={!showUsers}
            aria-label={t('chat.dancersHereNow')}
            className="max-h-[40%] overflow-y-auto border-b border-slate-200 bg-white"
          >
            <ActiveUsers eventId={id} others={others} />
          </section>
          <PinnedAnnouncements eventId={id} />
          <ChatView
            chat={chat}
            meId={me.id}
            label={t('chat.eventChatMessages')}
            empty={<EmptyState title={t('chat.noMessages')}>{t('chat.emptyEvent')}</EmptyState>}
          >
            <Composer onSend={(content) => chat.send(content)} />
          </ChatView>
        </>
      )}
    </div>
  );
}
