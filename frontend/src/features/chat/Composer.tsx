import { MESSAGE_MAX, MessageContent } from '@spotlight/contracts';
import {
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { fitTextarea } from './autosize';
import { appLocale } from '../../lib/i18n';

/**
 * The message box: the contract's limit (MESSAGE_MAX, counted after trimming, as the server
 * counts) with a counter; Enter sends, Shift+Enter starts a new line. It grows with the text
 * up to six lines, then scrolls.
 */
export function Composer({
  onSend,
  label,
  placeholder,
}: {
  onSend: (content: string) => void;
  label?: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const counterId = useId();
  const inputId = useId();
  const length = text.trim().length;
  const remaining = MESSAGE_MAX - length;
  const over = remaining < 0;
  const input = useRef<HTMLTextAreaElement>(null);

  useLayoutEffect(() => {
    if (input.current) fitTextarea(input.current);
  }, [text]);

  const handleSubmit = (event?: FormEvent) => {
    event?.preventDefault();
    const parsed = MessageContent.safeParse(text);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    onSend(parsed.data);
    setText('');
    setError(undefined);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      handleSubmit();
    }
  };

  return (
    <form onSubmit={handleSubmit} className="border-t border-slate-200 bg-white p-2">
      <div className="flex items-end gap-2">
        <label htmlFor={inputId} className="sr-only">
          {label ?? t('chat.composer.label')}
        </label>
        <textarea
          ref={input}
          id={inputId}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (error) setError(undefined);
          }}
          onKeyDown={handleKeyDown}
          rows={1}
          placeholder={placeholder ?? t('chat.composer.placeholder')}
          aria-describedby={counterId}
          aria-invalid={over || Boolean(error) || undefined}
          enterKeyHint="send"
          className={cx(
            'min-h-11 flex-1 resize-none rounded-xl border px-3 py-2.5 text-base focus:border-violet-600 focus:outline-none focus:ring-2 focus:ring-violet-200',
            over ? 'border-red-500' : 'border-slate-300',
          )}
        />
        <Button
          type="submit"
          disabled={length === 0 || over}
          aria-label={t('chat.composer.sendLabel')}
        >
          {t('chat.composer.send')}
        </Button>
      </div>
      <p
        id={counterId}
        aria-live="polite"
        className={cx(
          'mt-1 px-1 text-right text-xs',
          over ? 'text-red-700' : remaining < 100 ? 'text-amber-700' : 'text-slate-500',
        )}
      >
        {error ??
          (over
            ? t('chat.composer.over', {
                count: -remaining,
                max: MESSAGE_MAX.toLocaleString(appLocale()),
              })
            : `${length.toLocaleString(appLocale())} / ${MESSAGE_MAX.toLocaleString(appLocale())}`)}
      </p>
    </form>
  );
}
