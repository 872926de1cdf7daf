import { api, type REPORT_STATUSES } from '@spotlight/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiCall } from '../../lib/api/client';

export type QueueStatus = (typeof REPORT_STATUSES)[number] | 'all';

export const moderationKeys = {
  all: ['moderation'] as const,
  queue: (status: QueueStatus) => ['moderation', 'queue', status] as const,
  audit: ['moderation', 'audit'] as const,
};

export const queueQuery = (status: QueueStatus) =>
  queryOptions({
    queryKey: moderationKeys.queue(status),
    queryFn: ({ signal }) => apiCall(api.moderation.queue, { query: { status } }, { signal }),
  });

export const auditQuery = () =>
  queryOptions({
    queryKey: moderationKeys.audit,
    queryFn: ({ signal }) => apiCall(api.moderation.audit, undefined, { signal }),
  });
