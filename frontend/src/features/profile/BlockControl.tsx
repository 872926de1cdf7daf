import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { blocksQuery, useBlock, useUnblock } from './blocks';

/**
 * "Block" on a dancer's profile, with a confirmation that says what it does; once blocked,
 * "Unblock". Focus moves to the confirmation and back, for keyboards and screen readers.
 */
export function BlockControl({ userId, name }: { userId: number; name: string }) {
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
          You blocked {name}. They cannot send you requests, messages or videos, and you do not see
          what they write in event chats.
        </p>
        <Button
          variant="secondary"
          className="w-full"
          busy={unblock.isPending}
          onClick={() => unblock.mutate(userId, { onSuccess: () => block.reset() })}
        >
          Unblock {name}
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
          Block {name}?
        </p>
        <p className="text-sm">
          They will not be able to send you match requests, private messages or videos, and you will
          no longer see their messages in event chats. An open match between you is closed. They are
          not told.
        </p>
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
            Block
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
        {alert}
      </div>
    );
  }

  return (
    <Button variant="danger" className="w-full" onClick={() => setConfirming(true)}>
      Block {name}
    </Button>
  );
}
