import { z } from 'zod';
import { Id, IdParams, PageQuery, paged, Timestamp } from '../common';
import { defineEndpoint } from './endpoint';
import { UserSummary } from './users';

export const REPORT_REASONS = [
  'harassment',
  'inappropriate_content',
  'no_show',
  'spam',
  'impersonation',
  'other',
] as const;
export const ReportReason = z.enum(REPORT_REASONS);

export const REPORT_STATUSES = ['open', 'reviewing', 'resolved', 'dismissed'] as const;

export const CreateReportBody = z.strictObject({
  reportedUserId: Id,
  matchId: Id.optional(),
  /** The event where it happened, so that its organisers see it (a match gives its own). */
  eventId: Id.optional(),
  reason: ReportReason,
  details: z.string().trim().max(2000).optional(),
});
export type CreateReportBody = z.infer<typeof CreateReportBody>;

export const Report = z.object({
  id: Id,
  reported: UserSummary,
  matchId: Id.nullable(),
  eventId: Id.nullable(),
  reason: ReportReason,
  details: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
  createdAt: Timestamp,
});
export type Report = z.infer<typeof Report>;

export const reportsEndpoints = {
  create: defineEndpoint({
    method: 'POST',
    path: '/api/reports',
    auth: 'user',
    tag: 'reports',
    summary: 'Report a dancer to the organisers',
    body: CreateReportBody,
    response: Report,
    status: 201,
    errors: ['not_found', 'self_action', 'forbidden', 'rate_limited'],
  }),
  list: defineEndpoint({
    method: 'GET',
    path: '/api/reports',
    auth: 'user',
    tag: 'reports',
    summary: 'The reports the signed-in user filed',
    query: PageQuery,
    response: paged(Report),
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/reports/:id',
    auth: 'user',
    tag: 'reports',
    summary: 'One report (its reporter only)',
    params: IdParams,
    response: Report,
    errors: ['not_found'],
  }),
} as const;
