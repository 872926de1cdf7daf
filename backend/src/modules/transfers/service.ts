import type { TransferStats, TransferTelemetryBody } from '@spotlight/contracts';
import { notFound } from '../../errors';
import type { AppContext } from '../../http/context';
import type { MatchesService } from '../matches/service';
import * as repo from './repository';

export type TransfersService = ReturnType<typeof createTransfersService>;

/** Transfer telemetry: outcomes, sizes and times reported by clients; never content or names. */
export function createTransfersService(
  { db, metrics }: AppContext,
  deps: { matches: MatchesService },
) {
  return {
    async record(userId: number, body: TransferTelemetryBody) {
      if (!(await deps.matches.findForParticipant(userId, body.matchId))) throw notFound('Match');
      const id = await repo.insertTransferReport(db, {
        ...body,
        userId,
        reason: body.reason ?? null,
      });
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
