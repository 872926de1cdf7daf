import type { AUDIT_ACTIONS, MODERATION_ACTIONS } from '@spotlight/contracts';

export const ACTION_LABELS: Record<(typeof MODERATION_ACTIONS)[number], string> = {
  none: 'No action',
  warn: 'Warn',
  mute: 'Mute in chats for 24 hours',
  suspend: 'Suspend the account (signs them out everywhere)',
};

export const AUDIT_LABELS: Record<(typeof AUDIT_ACTIONS)[number], string> = {
  warn: 'warned',
  mute: 'muted',
  suspend: 'suspended',
  unsuspend: 'lifted the suspension of',
  resolve: 'resolved a report on',
  dismiss: 'dismissed a report on',
};

export const STATUS_LABELS = {
  open: 'Open',
  reviewing: 'Reviewing',
  resolved: 'Resolved',
  dismissed: 'Dismissed',
} as const;
