import { api } from '@spotlight/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { apiCall } from '../../lib/api/client';
import { errorMessage } from '../../lib/errors';
import { authKeys } from '../../shared/session';
import { Loading } from '../../ui/Spinner';
import { AuthShell } from './AuthShell';

/** Opened from the mailed link (`/verify-email?token=…`), signed in or not. */
export function VerifyEmailPage() {
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const client = useQueryClient();
  const verify = useMutation({
    mutationFn: () => apiCall(api.auth.verifyEmail, { body: { token } }),
    onSuccess: () => client.invalidateQueries({ queryKey: authKeys.me }),
  });
  const { mutate } = verify;
  useEffect(() => mutate(), [mutate]);

  return (
    <AuthShell title="Confirm your e-mail address">
      {verify.isPending || verify.isIdle ? (
        <Loading />
      ) : verify.isSuccess ? (
        <p role="status" className="rounded-xl bg-emerald-50 p-3 text-sm text-emerald-900">
          Thank you: your e-mail address is confirmed.
        </p>
      ) : (
        <p role="alert" className="rounded-xl bg-red-50 p-3 text-sm text-red-800">
          {errorMessage(verify.error)} Sign in and ask for a new link from the banner.
        </p>
      )}
      <p className="mt-4 text-center text-sm">
        <Link to="/events" className="inline-block py-3 font-semibold text-violet-700 underline">
          Go to the app
        </Link>
      </p>
    </AuthShell>
  );
}
