import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useState } from 'react';
import { isApiError } from '../../lib/api/client';
import { useIdParam } from '../../lib/useIdParam';
import { Avatar, nameOf } from '../../ui/Avatar';
import { Button, ButtonLink } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { EmptyState, ErrorState } from '../../ui/States';
import { useMe } from '../../shared/session';
import { ChatView } from '../chat';
import { Composer } from '../chat';
import { useRoomChat } from '../chat';
import { TransferPanel } from '../transfer';
import { MatchActions } from './MatchActions';
import { TransferSheet } from './TransferSheet';
import { matchQuery } from '../../shared/matches';
import { StatusBadge } from './StatusBadge';

/** The private chat of a match: its status and actions, the chat, and the video transfer. */
export function MatchChatPage() {
  const id = useIdParam();
  const me = useMe();
  const match = useQuery({ ...matchQuery(id), enabled: id > 0 });
  const hasRoom = match.data?.roomId != null;
  const chat = useRoomChat('match', id, hasRoom);
  const [showTransfer, setShowTransfer] = useState(false);
  const transferId = useId();
  const showTransferPanel = useCallback(() => setShowTransfer(true), []);

  // Participants only: anyone else gets a 404 from the server, and this page says so.
  if (match.error && isApiError(match.error) && match.error.code === 'not_found') {
    return (
      <div className="space-y-4 p-4">
        <PageHeader title="Match" back={{ to: '/history', label: 'Back to matches' }} />
        <ErrorState
          title="This chat isn’t available"
          message="This match doesn’t exist, or you’re not part of it."
        />
        <ButtonLink to="/history" variant="secondary" className="w-full">
          Go to your matches
        </ButtonLink>
      </div>
    );
  }

  const data = match.data;
  const partner = data ? nameOf(data.partner) : undefined;
  const canWrite = data?.status === 'accepted' || data?.status === 'completed';
  // A completed match keeps its videos (and any transfer still running) for good.
  const hasVideos = data !== undefined && canWrite;

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="space-y-2 border-b border-slate-200 bg-white px-4 pb-3 pt-2">
        <PageHeader
          title={
            data ? (
              <span className="flex items-center gap-2">
                <Avatar name={partner!} url={data.partner.avatar} size="sm" />
                <span className="truncate">{partner}</span>
              </span>
            ) : (
              'Match'
            )
          }
          documentTitle={partner ? `Match with ${partner}` : 'Match'}
          subtitle={
            data ? (
              <span className="flex items-center gap-2">
                <span className="truncate">{data.event.name}</span>
                <StatusBadge status={data.status} />
              </span>
            ) : undefined
          }
          back={{ to: '/history', label: 'Back to matches' }}
          actions={
            data ? (
              <ButtonLink
                to={`/users/${data.partner.id}`}
                variant="ghost"
                className="shrink-0 px-3"
                aria-label={`Profile of ${partner}`}
              >
                Profile
              </ButtonLink>
            ) : undefined
          }
        />
        {data && (
          <div aria-live="polite">
            <MatchActions match={data} />
          </div>
        )}
        {hasVideos && (
          <Button
            className="min-h-12 w-full text-base"
            aria-expanded={showTransfer}
            aria-controls={transferId}
            onClick={() => setShowTransfer(true)}
          >
            {data.status === 'accepted' ? `Send a video to ${partner}` : `Videos with ${partner}`}
          </Button>
        )}
      </div>
      {hasVideos && (
        <TransferSheet
          id={transferId}
          open={showTransfer}
          onClose={() => setShowTransfer(false)}
          title={`Videos with ${partner}`}
        >
          <TransferPanel
            match={data}
            meId={me.id}
            partnerName={partner!}
            onAttention={showTransferPanel}
            onSendLink={(url) => {
              chat.send(url, 'link');
              setShowTransfer(false);
            }}
          />
        </TransferSheet>
      )}
      {data === undefined ? (
        <div className="p-4">
          <QueryState query={match} what="the match">
            {() => null}
          </QueryState>
        </div>
      ) : hasRoom ? (
        <ChatView
          chat={chat}
          meId={me.id}
          label={`Private chat with ${partner}`}
          empty={<EmptyState title="No messages yet">Agree on which heats you’ll film.</EmptyState>}
        >
          {canWrite && (
            <Composer label={`Message to ${partner}`} onSend={(content) => chat.send(content)} />
          )}
        </ChatView>
      ) : (
        <div className="p-4">
          <EmptyState title="Private chat">
            {data.status === 'pending'
              ? 'The chat opens once the request is accepted.'
              : 'This match never started, so there is no chat.'}
          </EmptyState>
        </div>
      )}
    </div>
  );
}
