import { VideoRecord } from '@spotlight/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatBytes } from '../../lib/format';
import { Avatar, nameOf } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { RelativeTime } from '../../ui/RelativeTime';
import type { ChatMessage, OutboxEntry } from '../../lib/socket/types';
import { RequestPartnerButton } from '../../shared/matches';
import { SafeLink } from './SafeLink';

/** The body of a message by type. Text is always rendered as text, never as HTML. */
function MessageBody({
  type,
  content,
  mine,
}: {
  type: ChatMessage['type'];
  content: string;
  mine: boolean;
}) {
  const { t } = useTranslation();
  if (type === 'link') {
    return (
      <p className="[overflow-wrap:anywhere]">
        <span className="sr-only">{t('chat.message.link')}</span>
        <SafeLink
          href={content}
          className={cx(
            'block min-h-11 py-2.5 underline underline-offset-2',
            mine ? 'text-white' : 'text-violet-700',
          )}
        />
      </p>
    );
  }
  if (type === 'video') {
    let record: VideoRecord | undefined;
    try {
      const parsed = VideoRecord.safeParse(JSON.parse(content));
      record = parsed.success ? parsed.data : undefined;
    } catch {
      record = undefined;
    }
    if (record) {
      return (
        <p className="[overflow-wrap:anywhere]">
          <span aria-hidden="true">🎬 </span>
          {t('chat.message.videoSent', { name: record.name, size: formatBytes(record.size) })}
        </p>
      );
    }
  }
  return (
    <p dir="auto" className="whitespace-pre-wrap [overflow-wrap:anywhere]">
      {content}
    </p>
  );
}

export function MessageItem({ message, mine }: { message: ChatMessage; mine: boolean }) {
  const { t } = useTranslation();
  const name = nameOf(message);
  // Another dancer's message in an event chat: a "…" opens "Request recording partner".
  const eventId = !mine && 'eventId' in message ? message.eventId : undefined;
  const [showActions, setShowActions] = useState(false);
  const actionsId = useId();
  return (
    <li className="space-y-1">
      <div className={cx('flex items-end gap-1', mine && 'flex-row-reverse')}>
        {!mine && (
          <Link
            to={`/users/${message.userId}${'eventId' in message ? `?event=${message.eventId}` : ''}`}
            className="-ml-1.5 flex h-11 w-11 shrink-0 items-center justify-center rounded-full focus-visible:outline focus-visible:outline-2 focus-visible:outline-violet-600"
            aria-label={t('chat.message.profileOf', { name })}
          >
            <Avatar name={name} url={message.avatar} size="sm" />
          </Link>
        )}
        <div
          className={cx(
            'min-w-0 max-w-[80%] rounded-2xl px-3 py-2 shadow-sm',
            mine
              ? 'rounded-br-md bg-violet-600 text-white'
              : 'rounded-bl-md bg-white text-slate-900',
          )}
        >
          {mine ? (
            <span className="sr-only">{t('chat.message.you')}</span>
          ) : (
            <p className="truncate text-xs font-semibold text-violet-700">
              <bdi>{name}</bdi>
              <span className="sr-only">:</span>
            </p>
          )}
          <MessageBody type={message.type} content={message.content} mine={mine} />
          <RelativeTime
            value={message.createdAt}
            className={cx(
              'mt-0.5 block text-right text-[11px]',
              mine ? 'text-violet-50' : 'text-slate-500',
            )}
          />
        </div>
        {eventId !== undefined && (
          <button
            type="button"
            className="flex h-11 w-11 shrink-0 items-center justify-center rounded-full text-lg text-slate-600 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-violet-600"
            aria-label={t('chat.message.actionsFor', { name })}
            aria-expanded={showActions}
            aria-controls={actionsId}
            onClick={() => setShowActions((v) => !v)}
          >
            <span aria-hidden="true">⋯</span>
          </button>
        )}
      </div>
      {eventId !== undefined && (
        <div id={actionsId} hidden={!showActions} className="pl-10">
          {showActions && (
            <RequestPartnerButton eventId={eventId} dancer={{ id: message.userId, name }} />
          )}
        </div>
      )}
    </li>
  );
}

const PENDING_LABEL: Record<OutboxEntry['status'], string> = {
  queued: 'chat.pending.queued',
  sending: 'chat.pending.sending',
  failed: 'chat.pending.failed',
};

/** A message of this user that the server has not acknowledged yet. */
export function PendingItem({
  entry,
  onRetry,
  onDiscard,
}: {
  entry: OutboxEntry;
  onRetry: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const failed = entry.status === 'failed';
  return (
    <li className="flex flex-row-reverse items-end gap-2" data-pending={entry.status}>
      <div
        className={cx(
          'min-w-0 max-w-[80%] rounded-2xl rounded-br-md px-3 py-2',
          failed ? 'border border-red-300 bg-red-50 text-red-900' : 'bg-violet-400 text-white',
        )}
      >
        <span className="sr-only">{t('chat.pending.you')}</span>
        <MessageBody type={entry.type} content={entry.content} mine={!failed} />
        <p
          className={cx(
            'mt-0.5 text-right text-[11px]',
            failed ? 'text-red-800' : 'text-violet-50',
          )}
        >
          {t(PENDING_LABEL[entry.status])}
          {failed && entry.error ? `: ${entry.error.message}` : ''}
        </p>
        {failed && (
          <div className="mt-1 flex justify-end gap-2">
            <Button variant="secondary" onClick={onRetry}>
              {t('chat.pending.retry')}
            </Button>
            <Button variant="ghost" onClick={onDiscard}>
              {t('chat.pending.delete')}
            </Button>
          </div>
        )}
      </div>
    </li>
  );
}
