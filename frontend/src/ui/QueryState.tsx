import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { errorMessage } from '../lib/errors';
import { Loading } from './Spinner';
import { ErrorState, OfflineState } from './States';
import { useTranslation } from 'react-i18next';

/**
 * `what` names what loads, translated, as the object of "Loading …" and "We’ll load … as soon
 * as you’re back online" (Polish and German: the accusative, "tancerzy", "die Tänzer").
 *
 * The three states every server-backed view has before its data: loading, offline (the query
 * is paused until the network returns), and failed with a retry. Renders children with data.
 */
export function QueryState<T>({
  query,
  what,
  children,
}: {
  query: Pick<UseQueryResult<T>, 'data' | 'error' | 'isPending' | 'fetchStatus' | 'refetch'>;
  what?: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) {
    return <ErrorState message={errorMessage(query.error)} onRetry={() => void query.refetch()} />;
  }
  if (query.fetchStatus === 'paused') return <OfflineState what={what} />;
  return <Loading label={what ? t('common.loadingWhat', { what }) : t('common.loading')} />;
}
