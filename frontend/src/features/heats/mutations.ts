import {
  api,
  type HeatSheet,
  type PutHeatsBody,
  type PutMyHeatsBody,
  type RecordingAnswer,
  type UpdateMatchingSettingsBody,
} from '@spotlight/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiCall } from '../../lib/api/client';
import { matchKeys } from '../../shared/matches';
import { heatKeys, storeRecording } from './queries';

/** Replaces the heat sheet (JSON or CSV); the server's copy is stored. */
export function usePutHeats(eventId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PutHeatsBody) => apiCall(api.heats.put, { params: { id: eventId }, body }),
    onSuccess: (sheet) => {
      client.setQueryData(heatKeys.sheet(eventId), sheet);
      void client.invalidateQueries({ queryKey: heatKeys.runs(eventId) });
    },
  });
}

export function useUpdateMatchingSettings(eventId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMatchingSettingsBody) =>
      apiCall(api.heats.updateSettings, { params: { id: eventId }, body }),
    onSuccess: (settings) =>
      client.setQueryData<HeatSheet>(heatKeys.sheet(eventId), (sheet) =>
        sheet ? { ...sheet, settings } : sheet,
      ),
  });
}

/** Declares the dancer's heats; what they film or who films them may change with it. */
export function usePutMyHeats(eventId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PutMyHeatsBody) =>
      apiCall(api.heats.putMine, { params: { id: eventId }, body }),
    onSuccess: (mine) => {
      client.setQueryData(heatKeys.mine(eventId), mine);
      void client.invalidateQueries({ queryKey: heatKeys.recordings(eventId) });
    },
  });
}

/** Runs the matcher now; the log and the coverage are fetched again after it. */
export function useRunMatching(eventId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall(api.heats.run, { params: { id: eventId } }),
    onSettled: () => client.invalidateQueries({ queryKey: heatKeys.runs(eventId) }),
  });
}

/** Accepts or declines a suggestion; once both accepted it is a match (its chat opens). */
export function useAnswerRecording() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: number; status: RecordingAnswer }) =>
      apiCall(api.recordings.update, { params: { id }, body: { status } }),
    onSuccess: (recording) => {
      storeRecording(client, recording);
      if (recording.matchId !== null) {
        void client.invalidateQueries({ queryKey: matchKeys.lists() });
      }
    },
  });
}
