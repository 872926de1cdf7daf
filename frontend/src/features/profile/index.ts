/**
 * What other features may use of the profile: the words for a role and a division, and the
 * message keys of a role and a report's reason.
 */
export { DIVISION_LABELS, REASON_KEYS, ROLE_KEYS, ROLE_LABELS } from './labels';
