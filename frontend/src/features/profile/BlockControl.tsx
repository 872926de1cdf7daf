import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { blocksQuery, useBlock, useUnblock } from './blocks';

/**
 * "Block" on a dancer's profile, with a confirmation that says what it does; once blocked,
 * "Unblock". Focus moves to the confirmation and back, for keyboards and screen readers.
 */
export function BlockControl({ userId, name }: { userId: number; name: string }) {
  const { t } = useTranslation();
  const blocks = useQuery(blocksQuery());
  const block = useBlock();
  const unblock = useUnblock();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const blocked = blocks.data?.items.some((u) => u.id === userId) ?? false;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const error = block.error ?? unblock.error;
  const alert = error && (
    <p role="alert" className="text-sm text-red-700">
      {errorMessage(error)}
    </p>
  );

  if (blocked) {
    return (
      <div className="space-y-2 rounded-2xl bg-white p-4 shadow-sm">
        <p role="status" className="text-sm text-slate-700">
          {t('profile.blocks.blocked', { name })}
        </p>
        <Button
          variant="secondary"
          className="w-full"
          busy={unblock.isPending}
          onClick={() => unblock.mutate(userId, { onSuccess: () => block.reset() })}
        >
          {t('profile.blocks.unblockName', { name })}
        </Button>
        {alert}
      </div>
    );
  }

  if (confirming) {
    return (
      <div
        role="group"
        aria-labelledby="block-confirm-title"
        className="space-y-3 rounded-2xl border border-red-200 bg-red-50 p-4 text-red-950"
      >
        <p id="block-confirm-title" className="font-semibold">
          {t('profile.blocks.confirmTitle', { name })}
        </p>
        <p className="text-sm">{t('profile.blocks.confirmBody')}</p>
        <div className="grid grid-cols-2 gap-2">
          <Button
            ref={confirmRef}
            variant="danger"
            busy={block.isPending}
            onClick={() =>
              block.mutate(userId, {
                onSuccess: () => {
                  unblock.reset();
                  setConfirming(false);
                },
              })
            }
          >
            {t('profile.blocks.block')}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t('profile.cancel')}
          </Button>
        </div>
        {alert}
      </div>
    );
  }

  return (
    <Button variant="danger" className="w-full" onClick={() => setConfirming(true)}>
      {t('profile.blocks.blockName', { name })}
    </Button>
  );
}
