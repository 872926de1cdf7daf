import type { AUDIT_ACTIONS, MODERATION_ACTIONS } from '@spotlight/contracts';

/** The message keys of what a moderator may do about a report; render with `t(…)`. */
export const ACTION_KEYS: Record<(typeof MODERATION_ACTIONS)[number], string> = {
  none: 'moderation.actions.none',
  warn: 'moderation.actions.warn',
  mute: 'moderation.actions.mute',
  suspend: 'moderation.actions.suspend',
};

/**
 * The message keys of an audit entry, a whole sentence each ("<actor/> warned <target/>"), so
 * that every language puts the two names where its grammar wants them; render with `<Trans>`.
 */
export const AUDIT_KEYS: Record<(typeof AUDIT_ACTIONS)[number], string> = {
  warn: 'moderation.audit.entries.warn',
  mute: 'moderation.audit.entries.mute',
  suspend: 'moderation.audit.entries.suspend',
  unsuspend: 'moderation.audit.entries.unsuspend',
  resolve: 'moderation.audit.entries.resolve',
  dismiss: 'moderation.audit.entries.dismiss',
};

/** The message keys of a report's status; render with `t(…)`. */
export const STATUS_KEYS = {
  open: 'moderation.status.open',
  reviewing: 'moderation.status.reviewing',
  resolved: 'moderation.status.resolved',
  dismissed: 'moderation.status.dismissed',
} as const;
