import { z } from 'zod';
import { Id } from '../common';
import { TransferId } from '../data-channel';
import { defineEndpoint } from './endpoint';

export const TRANSFER_OUTCOMES = ['completed', 'failed', 'cancelled'] as const;
export const TRANSFER_ROLES = ['sender', 'receiver'] as const;
/** How the peers reached each other: a direct path, or through the TURN relay. */
export const TRANSFER_CONNECTIONS = ['direct', 'relay', 'unknown'] as const;

/**
 * What a client reports of one transfer: sizes and times, never content or file names. Once
 * per transfer and side: `transferId` is the data channel's id of the transfer.
 */
export const TransferTelemetryBody = z.strictObject({
  matchId: Id,
  transferId: TransferId,
  role: z.enum(TRANSFER_ROLES),
  outcome: z.enum(TRANSFER_OUTCOMES),
  fileCount: z.number().int().min(1).max(100),
  totalBytes: z.number().int().min(0).max(1e13),
  bytesTransferred: z.number().int().min(0).max(1e13),
  bytesResent: z.number().int().min(0).max(1e13),
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600 * 1000),
  resumes: z.number().int().min(0).max(10_000).default(0),
  /** How the peers connected: `host`/`srflx` is direct, `relay` went through TURN. */
  connection: z.enum(TRANSFER_CONNECTIONS).default('unknown'),
  /** A short machine-readable reason for failure, e.g. `ice_failed`, `hash_mismatch`. */
  reason: z
    .string()
    .regex(/^[a-z0-9_]{1,64}$/)
    .optional(),
});
export type TransferTelemetryBody = z.infer<typeof TransferTelemetryBody>;

export const TransferStats = z.object({
  count: z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
  cancelled: z.number().int(),
  /** completed / (completed + failed); null before any finished transfer. */
  successRate: z.number().nullable(),
  /** Median speed of completed transfers, MiB/s; null without any. */
  medianMiBps: z.number().nullable(),
  totalBytes: z.number(),
  failureReasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
});
export type TransferStats = z.infer<typeof TransferStats>;

export const transfersEndpoints = {
  telemetry: defineEndpoint({
    method: 'POST',
    path: '/api/transfers/telemetry',
    auth: 'user',
    tag: 'transfers',
    summary:
      "Report a transfer's outcome, once per transfer and side (participants of an accepted or completed match only)",
    body: TransferTelemetryBody,
    response: z.object({ id: Id }),
    status: 201,
    errors: ['not_found', 'forbidden', 'conflict', 'rate_limited'],
  }),
  stats: defineEndpoint({
    method: 'GET',
    path: '/api/transfers/stats',
    auth: 'user',
    tag: 'transfers',
    summary: 'Success rate and speed of all transfers (the Monitoring figures)',
    response: TransferStats,
  }),
} as const;
