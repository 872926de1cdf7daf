import type { DanceRole, Division, REPORT_REASONS } from '@spotlight/contracts';
import i18next from 'i18next';

/** The message keys of the dance roles; render with `t(ROLE_KEYS[role])`. */
export const ROLE_KEYS: Record<DanceRole, string> = {
  leader: 'profile.roles.leader',
  follower: 'profile.roles.follower',
  both: 'profile.roles.both',
};

/**
 * The roles' words in the language shown when read (for code that renders `ROLE_LABELS[role]`
 * directly); each read translates, so nothing is fixed at module load.
 */
export const ROLE_LABELS: Readonly<Record<DanceRole, string>> = Object.defineProperties(
  {} as Record<DanceRole, string>,
  Object.fromEntries(
    Object.entries(ROLE_KEYS).map(([role, key]) => [
      role,
      { enumerable: true, get: () => i18next.t(key) },
    ]),
  ),
);

/** WSDC's division names, which dancers use in English in every language. */
export const DIVISION_LABELS: Record<Division, string> = {
  newcomer: 'Newcomer',
  novice: 'Novice',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
  all_star: 'All-Star',
  champion: 'Champion',
};

/** The message keys of a report's reasons; render with `t(REASON_KEYS[reason])`. */
export const REASON_KEYS: Record<(typeof REPORT_REASONS)[number], string> = {
  harassment: 'profile.reasons.harassment',
  inappropriate_content: 'profile.reasons.inappropriateContent',
  no_show: 'profile.reasons.noShow',
  spam: 'profile.reasons.spam',
  impersonation: 'profile.reasons.impersonation',
  other: 'profile.reasons.other',
};
