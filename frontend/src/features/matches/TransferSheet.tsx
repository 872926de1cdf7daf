import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';

/**
 * The video transfer as a full-height sheet over the match chat: on a 360 px phone nothing is
 * clipped (offers, Accept/Decline, Save), and it scrolls on its own. Stays mounted while closed,
 * so an offer or a resumed transfer can open it.
 */
export function TransferSheet({
  id,
  open,
  onClose,
  title,
  children,
}: {
  id: string;
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, onClose]);

  return (
    <div
      id={id}
      hidden={!open}
      role="dialog"
      aria-modal="true"
      aria-label={title}
      className={cx('fixed inset-0 z-40 flex-col bg-white', open ? 'flex' : 'hidden')}
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-2">
        <h2 className="truncate text-lg font-semibold text-slate-900">{title}</h2>
        <Button
          ref={closeRef}
          variant="ghost"
          onClick={onClose}
          aria-label={t('matches.sheet.closeLabel')}
        >
          {t('matches.sheet.close')}
        </Button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-4">{children}</div>
    </div>
  );
}
