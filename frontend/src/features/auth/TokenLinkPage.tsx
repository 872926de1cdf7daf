import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../lib/errors';
import { authKeys } from '../../shared/session';
import { Loading } from '../../ui/Spinner';
import { AuthShell } from './AuthShell';
import { useTranslation } from 'react-i18next';

interface TokenLinkPageProps<R> {
  title: string;
  /** Spends the link's token (single use: it is sent once, also under StrictMode). */
  spend: (token: string) => Promise<R>;
  success: (result: R) => ReactNode;
  /** What to do after a refused link, after the server's reason. */
  failureHint: string;
}

/** A page a mailed link opens (`…?token=…`), signed in or not: spends the token once. */
export function TokenLinkPage<R>({ title, spend, success, failureHint }: TokenLinkPageProps<R>) {
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const client = useQueryClient();
  const { t } = useTranslation();
  const link = useMutation({
    mutationFn: () => spend(token),
    onSuccess: () => client.invalidateQueries({ queryKey: authKeys.me }),
  });
  const spent = useRef<string>();
  const { mutate } = link;
  useEffect(() => {
    if (spent.current === token) return;
    spent.current = token;
    mutate();
  }, [mutate, token]);

  return (
    <AuthShell title={title}>
      {link.isPending || link.isIdle ? (
        <Loading />
      ) : link.isSuccess ? (
        <p role="status" className="rounded-xl bg-emerald-50 p-3 text-sm text-emerald-900">
          {success(link.data)}
        </p>
      ) : (
        <p role="alert" className="rounded-xl bg-red-50 p-3 text-sm text-red-800">
          {errorMessage(link.error)} {failureHint}
        </p>
      )}
      <p className="mt-4 text-center text-sm">
        <Link to="/events" className="inline-block py-3 font-semibold text-violet-700 underline">
          {t('app.goToApp')}
        </Link>
      </p>
    </AuthShell>
  );
}
