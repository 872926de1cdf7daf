import type { Dancer, Explanation, ExplanationKind } from './types';

const KINDS: ExplanationKind[] = ['same_city', 'same_country', 'anyone'];

const REGIONS = new Intl.DisplayNames(['en'], { type: 'region' });

/** Profiles store ISO codes (`FR`); the sentence names the country ("France"). */
function countryName(code: string): string {
  try {
    return REGIONS.of(code) ?? code;
  } catch {
    return code;
  }
}

function from(recorder: Dancer): string {
  const country = recorder.country && countryName(recorder.country);
  if (recorder.city && country) return ` from ${recorder.city} (${country})`;
  if (recorder.city || country) return ` from ${recorder.city ?? country}`;
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
