/**
 * Moderation: reports go to a queue that admins, and the organisers of the event where it
 * happened, read and act on (warn, mute for a day, or, for admins, suspend the account);
 * every action is written to an audit log that admins read.
 */
import { z } from 'zod';
import { Id, IdParams, Timestamp } from '../common';
import { defineEndpoint } from './endpoint';
import { Report, REPORT_STATUSES } from './reports';
import { UserSummary } from './users';

export const MODERATION_ACTIONS = ['none', 'warn', 'mute', 'suspend'] as const;
/** What the audit log records: the moderation actions, a closed report, and an unsuspension. */
export const AUDIT_ACTIONS = [
  'warn',
  'mute',
  'suspend',
  'unsuspend',
  'resolve',
  'dismiss',
] as const;
/** How long a mute keeps a dancer out of the event chat. */
export const MUTE_HOURS = 24;

export const QueueQuery = z.object({
  status: z.enum([...REPORT_STATUSES, 'all']).default('open'),
  eventId: Id.optional(),
});

/** A report as a moderator sees it: who filed it too, and how it was closed. */
export const QueuedReport = Report.extend({
  reporter: UserSummary,
  action: z.enum(MODERATION_ACTIONS).nullable(),
  resolutionNote: z.string().nullable(),
  resolvedAt: Timestamp.nullable(),
});
export type QueuedReport = z.infer<typeof QueuedReport>;
export const ReportQueue = z.object({ items: z.array(QueuedReport) });

export const CloseReportBody = z.strictObject({
  status: z.enum(['resolved', 'dismissed']),
  action: z.enum(MODERATION_ACTIONS).default('none'),
  note: z.string().trim().max(2000).optional(),
});
export type CloseReportBody = z.infer<typeof CloseReportBody>;

export const AuditEntry = z.object({
  id: Id,
  actor: UserSummary,
  action: z.enum(AUDIT_ACTIONS),
  target: UserSummary,
  reportId: Id.nullable(),
  note: z.string().nullable(),
  createdAt: Timestamp,
});
export const AuditLog = z.object({ items: z.array(AuditEntry) });

export const moderationEndpoints = {
  queue: defineEndpoint({
    method: 'GET',
    path: '/api/admin/reports',
    auth: 'user',
    tag: 'moderation',
    summary: 'Reports to review: all for admins, those of their events for organisers',
    query: QueueQuery,
    response: ReportQueue,
    errors: ['forbidden'],
  }),
  close: defineEndpoint({
    method: 'PATCH',
    path: '/api/admin/reports/:id',
    auth: 'user',
    tag: 'moderation',
    summary: 'Resolve or dismiss a report, with an action (suspend: admins only)',
    params: IdParams,
    body: CloseReportBody,
    response: QueuedReport,
    errors: ['forbidden', 'not_found', 'conflict'],
  }),
  unsuspend: defineEndpoint({
    method: 'POST',
    path: '/api/admin/users/:id/unsuspend',
    auth: 'user',
    tag: 'moderation',
    summary: 'Lift a suspension (admins)',
    params: IdParams,
    response: z.object({ ok: z.literal(true) }),
    errors: ['forbidden', 'not_found'],
  }),
  audit: defineEndpoint({
    method: 'GET',
    path: '/api/admin/audit',
    auth: 'user',
    tag: 'moderation',
    summary: 'The audit log of moderation actions, newest first (admins)',
    response: AuditLog,
    errors: ['forbidden'],
  }),
} as const;
