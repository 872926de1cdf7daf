import type { Report } from '@spotlight/contracts';
import type { reports } from '../../db/schema';
import { toUserSummary } from '../users/presenter';

/** A report as its reporter sees it; the moderation queue adds the reporter and the outcome. */
export const toReport = ({
  report,
  reported,
}: {
  report: typeof reports.$inferSelect;
  reported: Parameters<typeof toUserSummary>[0];
}): Report => ({
  id: report.id,
  reported: toUserSummary(reported),
  matchId: report.matchId,
  eventId: report.eventId,
  reason: report.reason,
  details: report.details,
  status: report.status,
  createdAt: report.createdAt.toISOString(),
});
