import type { Dancer, Explanation, ExplanationKind } from './types';

const KINDS: ExplanationKind[] = ['same_city', 'same_country', 'anyone'];

function from(recorder: Dancer): string {
  if (recorder.city && recorder.country) return ` from ${recorder.city} (${recorder.country})`;
  if (recorder.city || recorder.country) return ` from ${recorder.city ?? recorder.country}`;
  return '';
}

/** Why this recorder: the sentence the filmed dancer reads. `rank` is locationRank(). */
export function explain(dancer: Dancer, recorder: Dancer, rank: 0 | 1 | 2): Explanation {
  const kind = KINDS[rank]!;
  const who = `${recorder.name}${from(recorder)}`;
  let text: string;
  if (kind === 'same_city') text = `${recorder.name}, also from ${recorder.city}, will film you.`;
  else if (kind === 'same_country' && dancer.city)
    text = `No free recorder in your city; ${who} will film you.`;
  else if (kind === 'same_country') text = `${who} will film you.`;
  else if (dancer.city) text = `No free recorder in your city or country; ${who} will film you.`;
  else if (dancer.country) text = `No free recorder in your country; ${who} will film you.`;
  else text = `${who} will film you.`;
  return { kind, recorderName: recorder.name, recorderCity: recorder.city, text };
}
