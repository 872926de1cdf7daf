import { heatsClash } from './clash';
import type { Assignment, Dancer, HeatSlot, MatchingInput } from './types';

const pair = (a: Assignment): string => `${a.heatId}\u0000${a.dancerId}`;
const triple = (a: Assignment): string => `${pair(a)}\u0000${a.recorderId}`;

/**
 * The hard-rule checker: every rule `assignments` (new ones, on top of input.kept) break, as
 * English sentences; [] when valid. Kept assignments count against caps and clashes but are not
 * themselves reported: they were accepted and stay as they are.
 */
export function violations(input: MatchingInput, assignments: Assignment[]): string[] {
  const heats = new Map<string, HeatSlot>(input.heats.map((h) => [h.id, h]));
  const dancers = new Map<string, Dancer>(input.dancers.map((d) => [d.id, d]));
  const declined = new Set(input.declined.map(triple));
  const covered = new Set(input.kept.map(pair));
  const filming = new Map<string, HeatSlot[]>();
  const overCap = new Set<string>();
  const problems: string[] = [];

  for (const kept of input.kept) {
    const heat = heats.get(kept.heatId);
    const list = filming.get(kept.recorderId) ?? [];
    if (heat) list.push(heat);
    filming.set(kept.recorderId, list);
  }
  // Kept ones whose heat is gone still take a place under the cap.
  const counts = new Map<string, number>();
  for (const kept of input.kept)
    counts.set(kept.recorderId, (counts.get(kept.recorderId) ?? 0) + 1);

  for (const a of assignments) {
    const at = `${a.recorderId} filming ${a.dancerId} in ${a.heatId}`;
    const heat = heats.get(a.heatId);
    const dancer = dancers.get(a.dancerId);
    const recorder = dancers.get(a.recorderId);
    if (!heat || !dancer || !recorder) {
      problems.push(`${at}: unknown heat, dancer or recorder`);
      continue;
    }
    if (!dancer.heats.includes(heat.id))
      problems.push(`${at}: the dancer does not dance this heat`);
    if (a.recorderId === a.dancerId) problems.push(`${at}: a dancer cannot film themselves`);
    if (!recorder.willingToRecord) problems.push(`${at}: the recorder opted out of recording`);
    if (declined.has(triple(a))) problems.push(`${at}: this pair was declined`);
    if (covered.has(pair(a))) problems.push(`${at}: the heat is already filmed for this dancer`);
    covered.add(pair(a));
    for (const own of recorder.heats) {
      const ownHeat = heats.get(own);
      if (ownHeat && heatsClash(ownHeat, heat, input.rules))
        problems.push(`${at}: clashes with the recorder's own heat ${own}`);
    }
    const list = filming.get(a.recorderId) ?? [];
    for (const other of list) {
      if (heatsClash(other, heat, input.rules))
        problems.push(`${at}: clashes with ${other.id} the recorder also films`);
    }
    list.push(heat);
    filming.set(a.recorderId, list);
    const count = (counts.get(a.recorderId) ?? 0) + 1;
    counts.set(a.recorderId, count);
    if (
      count > input.maxRecordingsPerRecorder &&
      !overCap.has(a.recorderId) &&
      overCap.add(a.recorderId)
    )
      problems.push(`${a.recorderId}: more than ${input.maxRecordingsPerRecorder} recordings`);
  }
  return problems;
}
