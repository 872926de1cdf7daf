import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Spinner';
import { ErrorState, OfflineState } from '../../ui/States';
import { MessageItem, PendingItem } from './MessageItem';
import type { useRoomChat } from './useRoomChat';

type RoomChat = ReturnType<typeof useRoomChat>;

/**
 * A scrolling message log: older history loads when its top comes into view (or by button),
 * new messages keep the view at the bottom unless the reader scrolled up.
 */
export function ChatView({
  chat,
  meId,
  label,
  empty,
  children,
}: {
  chat: RoomChat;
  meId: number;
  /** Accessible name of the log, e.g. "Event chat". */
  label: string;
  empty: ReactNode;
  /** The composer, or why one cannot write here. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { history, messages, pending } = chat;
  const scrollRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const last = useRef({ firstId: 0, lastKey: '', height: 0, atBottom: true });
  const [unseen, setUnseen] = useState(false);

  const lastPending = pending[pending.length - 1];
  const lastMessage = messages[messages.length - 1];
  const lastKey = lastPending?.clientId ?? String(lastMessage?.id ?? '');
  const lastIsMine = Boolean(lastPending) || lastMessage?.userId === meId;
  const firstId = messages[0]?.id ?? 0;

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const prev = last.current;
    if (prev.firstId && firstId && firstId < prev.firstId) {
      // Older messages were added on top: keep what the reader was looking at in place.
      el.scrollTop += el.scrollHeight - prev.height;
    } else if (lastKey !== prev.lastKey) {
      if (prev.atBottom || lastIsMine) {
        el.scrollTop = el.scrollHeight;
        setUnseen(false);
      } else {
        setUnseen(true);
      }
    }
    last.current = { ...prev, firstId, lastKey, height: el.scrollHeight };
  }, [firstId, lastKey, lastIsMine]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = history;
  useEffect(() => {
    const target = topRef.current;
    const root = scrollRef.current;
    if (!target || !root || !hasNextPage) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { root, rootMargin: '200px 0px 0px 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const handleScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    last.current.atBottom = atBottom;
    if (atBottom) setUnseen(false);
  };

  const scrollToBottom = () => {
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
    setUnseen(false);
  };

  let body: ReactNode;
  if (history.data === undefined) {
    body = history.error ? (
      <div className="p-3">
        <ErrorState message={errorMessage(history.error)} onRetry={() => void history.refetch()} />
      </div>
    ) : history.fetchStatus === 'paused' ? (
      <div className="p-3">
        <OfflineState what={t('chat.view.theMessages')} />
      </div>
    ) : (
      <Loading label={t('chat.view.loading')} />
    );
  } else {
    body = (
      <>
        <div ref={topRef} className="flex justify-center py-2">
          {hasNextPage ? (
            <Button variant="ghost" onClick={() => void fetchNextPage()} busy={isFetchingNextPage}>
              {t('chat.view.loadOlder')}
            </Button>
          ) : messages.length > 0 ? (
            <p className="text-xs text-slate-600">{t('chat.view.beginning')}</p>
          ) : null}
        </div>
        {history.isFetchNextPageError && (
          <p role="alert" className="px-3 text-center text-sm text-red-700">
            {t('chat.view.olderFailed')}
          </p>
        )}
        {messages.length === 0 && pending.length === 0 ? (
          <div className="px-3">{empty}</div>
        ) : (
          <ol className="space-y-2 px-3 pb-3">
            {messages.map((message) => (
              <MessageItem key={message.id} message={message} mine={message.userId === meId} />
            ))}
            {pending.map((entry) => (
              <PendingItem
                key={entry.clientId}
                entry={entry}
                onRetry={() => chat.retry(entry.clientId)}
                onDiscard={() => chat.discard(entry.clientId)}
              />
            ))}
          </ol>
        )}
      </>
    );
  }

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="relative flex min-h-0 flex-1 flex-col">
        <div
          ref={scrollRef}
          onScroll={handleScroll}
          role="log"
          aria-live="polite"
          aria-relevant="additions"
          aria-label={label}
          tabIndex={0}
          className="min-h-0 flex-1 overflow-y-auto overscroll-contain bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-violet-500"
        >
          {body}
        </div>
        {unseen && (
          <button
            type="button"
            onClick={scrollToBottom}
            className="absolute bottom-3 left-1/2 min-h-11 -translate-x-1/2 rounded-full bg-violet-600 px-4 text-sm font-semibold text-white shadow-lg"
          >
            {t('chat.view.newMessages')}
          </button>
        )}
      </div>
      {children}
    </div>
  );
}
