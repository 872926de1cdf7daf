import type { UserSummary } from '@spotlight/contracts';
import { skipToken, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
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
          title={event.data?.name ?? 'Event chat'}
          subtitle="Event chat"
          back={{ to: `/events/${id}`, label: 'Back to event' }}
          actions={
            joined ? (
              <Button
                variant="secondary"
                className="shrink-0 px-3"
                aria-expanded={showUsers}
                aria-controls={panelId}
                onClick={() => setShowUsers((v) => !v)}
              >
                Here now{activeCount !== undefined ? ` (${activeCount})` : ''}
              </Button>
            ) : undefined
          }
        />
      </div>
      {event.data === undefined || !joined ? (
        <div className="p-4">
          <QueryState query={event} what="the event">
            {() => (
              <EmptyState title="Join the event to chat">
                <p>The chat is for dancers checked in to this event.</p>
                <ButtonLink to={`/events/${id}`} className="mt-3">
                  Go to the event
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
            aria-label="Dancers here now"
            className="max-h-[40%] overflow-y-auto border-b border-slate-200 bg-white"
          >
            <ActiveUsers eventId={id} others={others} />
          </section>
          <PinnedAnnouncements eventId={id} />
          <ChatView
            chat={chat}
            meId={me.id}
            label="Event chat messages"
            empty={
              <EmptyState title="No messages yet">
                Say hi, and ask who can film your heat.
              </EmptyState>
            }
          >
            <Composer onSend={(content) => chat.send(content)} />
          </ChatView>
        </>
      )}
    </div>
  );
}
