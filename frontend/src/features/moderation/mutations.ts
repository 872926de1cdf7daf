import { api, type CloseReportBody } from '@spotlight/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiCall } from '../../lib/api/client';
import { moderationKeys } from './queries';

/** Any action changes the queue (the report leaves "open") and the audit log. */
function useRefresh() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: moderationKeys.all });
}

export function useCloseReport(reportId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CloseReportBody) =>
      apiCall(api.moderation.close, { params: { id: reportId }, body }),
    onSuccess: refresh,
  });
}

export function useUnsuspend() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (userId: number) => apiCall(api.moderation.unsuspend, { params: { id: userId } }),
    onSuccess: refresh,
  });
}
