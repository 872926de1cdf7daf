import type { Match } from '@spotlight/contracts';
import { LinkForm } from './LinkForm';

/**
 * SLOT for the video transfer (the transfer issue): the phone-to-phone WebRTC UI goes here,
 * built on features/transfer/engine/. Until then it offers the link fallback only, which is
 * plain chat (a `link` message).
 */
export function TransferPanel({
  match,
  onSendLink,
}: {
  match: Match;
  onSendLink: (url: string) => void;
}) {
  return (
    <section
      aria-labelledby={`transfer-${match.id}`}
      className="space-y-3 rounded-2xl border border-slate-200 bg-white p-3"
      data-slot="transfer"
    >
      <h2 id={`transfer-${match.id}`} className="font-semibold text-slate-900">
        Video transfer
      </h2>
      <p className="text-sm text-slate-600">
        Phone-to-phone transfer is coming here. For now, share the video with a link.
      </p>
      <LinkForm onSend={onSendLink} />
    </section>
  );
}
