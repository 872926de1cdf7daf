import { api, type BlockList } from '@spotlight/contracts';
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiCall } from '../../lib/api/client';
import { matchKeys } from '../../shared/matches';

export const blockKeys = { list: ['blocks'] as const };

export const blocksQuery = () =>
  queryOptions({
    queryKey: blockKeys.list,
    queryFn: ({ signal }) => apiCall(api.blocks.list, undefined, { signal }),
  });

/**
 * The new list replaces the old. Chat histories are fetched again (the server leaves out what
 * blocked dancers wrote), and matches too (an open match between the two was closed).
 */
function afterChange(client: QueryClient, list: BlockList) {
  client.setQueryData(blockKeys.list, list);
  void client.invalidateQueries({ queryKey: ['chat'] });
  void client.invalidateQueries({ queryKey: matchKeys.all });
}

export function useBlock() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: number) => apiCall(api.blocks.block, { params: { id: userId } }),
    onSuccess: (list) => afterChange(client, list),
  });
}

export function useUnblock() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: number) => apiCall(api.blocks.unblock, { params: { id: userId } }),
    onSuccess: (list) => afterChange(client, list),
  });
}
