import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
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
        <PageHeader
          title={t('matches.chat.match')}
          back={{ to: '/history', label: t('matches.chat.back') }}
        />
        <ErrorState
          title={t('matches.chat.unavailable')}
          message={t('matches.chat.unavailableBody')}
        />
        <ButtonLink to="/history" variant="secondary" className="w-full">
          {t('matches.chat.goToMatches')}
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
              t('matches.chat.match')
            )
          }
          documentTitle={
            partner ? t('matches.chat.matchWith', { name: partner }) : t('matches.chat.match')
          }
          subtitle={
            data ? (
              <span className="flex items-center gap-2">
                <span className="truncate">{data.event.name}</span>
                <StatusBadge status={data.status} />
              </span>
            ) : undefined
          }
          back={{ to: '/history', label: t('matches.chat.back') }}
          actions={
            data ? (
              <ButtonLink
                to={`/users/${data.partner.id}`}
                variant="ghost"
                className="shrink-0 px-3"
                aria-label={t('matches.chat.profileOf', { name: partner })}
              >
                {t('matches.chat.profile')}
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
            {data.status === 'accepted'
              ? t('matches.chat.sendVideo', { name: partner })
              : t('matches.chat.videosWith', { name: partner })}
          </Button>
        )}
      </div>
      {hasVideos && (
        <TransferSheet
          id={transferId}
          open={showTransfer}
          onClose={() => setShowTransfer(false)}
          title={t('matches.chat.videosWith', { name: partner })}
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
          <QueryState query={match} what={t('matches.chat.theMatch')}>
            {() => null}
          </QueryState>
        </div>
      ) : hasRoom ? (
        <ChatView
          chat={chat}
          meId={me.id}
          label={t('matches.chat.privateChatWith', { name: partner })}
          empty={
            <EmptyState title={t('matches.chat.noMessages')}>
              {t('matches.chat.emptyBody')}
            </EmptyState>
          }
        >
          {canWrite && (
            <Composer
              label={t('matches.chat.messageTo', { name: partner })}
              onSend={(content) => chat.send(content)}
            />
          )}
        </ChatView>
      ) : (
        <div className="p-4">
          <EmptyState title={t('matches.chat.privateChat')}>
            {data.status === 'pending'
              ? t('matches.chat.opensOnAccept')
              : t('matches.chat.neverStarted')}
          </EmptyState>
        </div>
      )}
    </div>
  );
}
