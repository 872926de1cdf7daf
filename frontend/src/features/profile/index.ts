/** What other features may use of the profile: the words for a report's reason. */
export { REASON_LABELS } from './labels';
