import { api, type CreateRatingBody } from '@spotlight/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiCall } from '../../lib/api/client';
import { matchKeys } from '../../shared/matches';
import { ratingKeys } from './queries';

export function useRatePartner() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRatingBody) => apiCall(api.ratings.create, { body }),
    onSuccess: (rating) => {
      void client.invalidateQueries({ queryKey: matchKeys.all });
      void client.invalidateQueries({ queryKey: ratingKeys.stats(rating.ratedId) });
      void client.invalidateQueries({ queryKey: ratingKeys.received(rating.ratedId) });
    },
  });
}
