import { errorMessage } from '../../lib/errors';
import { useMe, useResendVerification } from '../../shared/session';

/** Asks an unverified account to confirm its address, with a "resend" for a lost mail. */
export function VerifyEmailBanner() {
  const me = useMe();
  const resend = useResendVerification();
  if (me.emailVerified) return null;
  return (
    <div role="status" className="bg-violet-50 px-4 py-2 text-center text-sm text-violet-900">
      {resend.isSuccess ? (
        <>We sent a new link to {me.email}.</>
      ) : (
        <>
          Please confirm your e-mail address ({me.email}) from the link we sent.{' '}
          <button
            type="button"
            className="min-h-11 font-semibold underline"
            disabled={resend.isPending}
            onClick={() => resend.mutate()}
          >
            Resend the link
          </button>
          {resend.isError && <span className="block">{errorMessage(resend.error)}</span>}
        </>
      )}
    </div>
  );
}
