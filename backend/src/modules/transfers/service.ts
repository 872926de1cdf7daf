import type { TransferStats, TransferTelemetryBody } from '@spotlight/contracts';
import { conflict, forbidden, notFound, rateLimited } from '../../errors';
import type { AppContext } from '../../http/context';
import { consume } from '../../limits';
import type { MatchesService } from '../matches/service';
import * as repo from './repository';

export type TransfersService = ReturnType<typeof createTransfersService>;

/**
 * Match statuses whose transfers may be reported: transfers run while a match is accepted, and a
 * report may trail a completion. Pending, rejected and cancelled matches never had one.
 */
const REPORTABLE = new Set(['accepted', 'completed']);

/** Transfer telemetry: outcomes, sizes and times reported by clients; never content or names. */
export function createTransfersService(
  { db, metrics, limits }: AppContext,
  deps: { matches: MatchesService },
) {
  return {
    /**
     * Stores one report per transfer and side, and per transfer and user: a repeat is a 409
     * `conflict` and counts nothing. Rate-limited per user before any database work.
     */
    async record(userId: number, body: TransferTelemetryBody) {
      const wait = await consume(limits.telemetryUser, String(userId));
      if (wait > 0) throw rateLimited(wait, 'Too many transfer reports; try again later');
      const match = await deps.matches.findForParticipant(userId, body.matchId);
      if (!match) throw notFound('Match');
      if (!REPORTABLE.has(match.status)) {
        throw forbidden('Transfers are reported only for accepted or completed matches');
      }
      const id = await repo.insertTransferReportOnce(db, {
        ...body,
        userId,
        reason: body.reason ?? null,
      });
      if (id === undefined) {
        throw conflict('conflict', 'This transfer has been reported already');
      }
      metrics.transfers.inc({ role: body.role, outcome: body.outcome });
      metrics.transferBytes.inc({ role: body.role }, body.bytesTransferred);
      return { id };
    },

    async stats(): Promise<TransferStats> {
      const [totals, reasons] = await Promise.all([
        repo.receiverTotals(db),
        repo.receiverFailureReasons(db, 10),
      ]);
      const completed = totals?.completed ?? 0;
      const failed = totals?.failed ?? 0;
      return {
        count: totals?.count ?? 0,
        completed,
        failed,
        cancelled: totals?.cancelled ?? 0,
        successRate: completed + failed ? completed / (completed + failed) : null,
        medianMiBps:
          totals?.medianMiBps == null ? null : Math.round(Number(totals.medianMiBps) * 100) / 100,
        totalBytes: Number(totals?.totalBytes ?? 0),
        failureReasons: reasons.map((r) => ({ reason: r.reason ?? 'unknown', count: r.count })),
      };
    },
  };
}
