import type { Event } from '@spotlight/contracts';
import { errorMessage } from '../../lib/errors';
import { useMe, useResendVerification } from '../../shared/session';
import { Button } from '../../ui/Button';

/**
 * The organiser asks for a confirmed address and this dancer has not confirmed theirs: says so
 * before they try to join (the server would refuse with email_not_verified), with a resend.
 */
export function VerifiedEmailNotice({ event }: { event: Event }) {
  const me = useMe();
  const resend = useResendVerification();
  if (!event.requireVerifiedEmail || me.emailVerified) return null;
  return (
    <div
      role="status"
      className="space-y-2 rounded-xl border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <p>
        This event asks for a confirmed e-mail address.{' '}
        {event.joined
          ? 'Until you confirm yours, you can read the chat but not write, declare heats or ask for a partner.'
          : 'Confirm yours to join, chat and find a recording partner.'}{' '}
        Open the link we sent to <strong className="break-all">{me.email}</strong>.
      </p>
      {resend.isSuccess ? (
        <p>We sent a new link. It can take a minute to arrive.</p>
      ) : (
        <Button variant="secondary" busy={resend.isPending} onClick={() => resend.mutate()}>
          Send the link again
        </Button>
      )}
      {resend.isError && <p role="alert">{errorMessage(resend.error)}</p>}
    </div>
  );
}
