import { api, type CreateReportBody, type UpdateMeBody } from '@spotlight/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiCall } from '../../lib/api/client';
import { authKeys } from '../../shared/session';
import { myReportsKey } from './MyReports';
import { userKeys } from './queries';

export function useUpdateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMeBody) => apiCall(api.users.updateMe, { body }),
    onSuccess: (me) => {
      client.setQueryData(authKeys.me, me);
      void client.invalidateQueries({ queryKey: userKeys.detail(me.id) });
    },
  });
}

export function useReportUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReportBody) => apiCall(api.reports.create, { body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: myReportsKey }),
  });
}
