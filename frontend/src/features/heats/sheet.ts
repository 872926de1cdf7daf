/** The heat sheet without React: what the pickers offer, and an organiser's file as a body. */
import { HeatSheetJson, type HeatSheet, type PutHeatsBody } from '@spotlight/contracts';
import i18next from 'i18next';

export interface HeatPick {
  divisionId?: number;
  typeId?: number;
  roundId?: number;
}

const byPosition = <T extends { position: number }>(list: readonly T[]) =>
  [...list].sort((a, b) => a.position - b.position);

/**
 * What each picker offers, given what is picked above it: only divisions that have heats, only
 * the types danced in the chosen division, only the rounds of that type, then its heats by
 * number. Nothing below a level that is not picked yet.
 */
export function pickerOptions(sheet: HeatSheet, pick: HeatPick) {
  const inDivision = sheet.heats.filter((h) => h.divisionId === pick.divisionId);
  const ofType = inDivision.filter((h) => h.typeId === pick.typeId);
  const inRound = ofType.filter((h) => h.roundId === pick.roundId);
  return {
    divisions: byPosition(sheet.divisions).filter((d) =>
      sheet.heats.some((h) => h.divisionId === d.id),
    ),
    types: byPosition(sheet.types).filter((t) => inDivision.some((h) => h.typeId === t.id)),
    rounds: byPosition(sheet.rounds).filter((r) => ofType.some((h) => h.roundId === r.id)),
    heats: [...inRound].sort((a, b) => a.number - b.number),
  };
}

export type SheetFormat = 'json' | 'csv';

/** JSON or CSV: by the file's extension when there is one, else by the text's first character. */
export function sheetFormat(text: string, fileName?: string): SheetFormat {
  const name = fileName?.toLowerCase() ?? '';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.csv')) return 'csv';
  return /^\s*[[{]/.test(text) ? 'json' : 'csv';
}

export type SheetBodyResult =
  { ok: true; body: PutHeatsBody; format: SheetFormat } | { ok: false; problems: string[] };

const MAX_PROBLEMS = 20;

/**
 * An organiser's heat sheet as the request body, in one step: CSV goes as it is (the server
 * reads it); JSON is checked here against the same schema first, so a typo is shown before
 * anything is sent. A bare JSON array is taken as the list of heats.
 */
export function toSheetBody(text: string, fileName?: string): SheetBodyResult {
  if (!text.trim()) return { ok: false, problems: [i18next.t('heats.sheet.empty')] };
  const format = sheetFormat(text, fileName);
  if (format === 'csv') return { ok: true, format, body: { csv: text } };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [i18next.t('heats.sheet.invalidJson', { message: (error as Error).message })],
    };
  }
  const parsed = HeatSheetJson.safeParse(Array.isArray(data) ? { heats: data } : data);
  if (parsed.success) return { ok: true, format, body: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues
      .slice(0, MAX_PROBLEMS)
      .map((issue) => `${issue.path.join('.') || i18next.t('heats.sheet.file')}: ${issue.message}`),
  };
}
