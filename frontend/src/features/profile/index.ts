/** What other features may use of the profile: the words for a report's reason, a role, a division. */
export { DIVISION_LABELS, REASON_LABELS, ROLE_LABELS } from './labels';
