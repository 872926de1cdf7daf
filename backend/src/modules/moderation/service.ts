/**
 * Moderation: the report queue, its actions, and the audit log. Admins see and act on every
 * report; the organisers of an event on the reports of their event, and they may warn or mute
 * but not suspend. A suspension ends every session and socket of the account at once.
 */
import {
  MUTE_HOURS,
  PAGE_SIZE_MAX,
  type CloseReportBody,
  type QueuedReport,
} from '@spotlight/contracts';
import { conflict, forbidden, notFound } from '../../errors';
import type { AppContext } from '../../http/context';
import type { AuthService } from '../auth/service';
import type { RolesService } from '../roles/service';
import type { UsersService } from '../users/service';
import { toReport } from '../reports/presenter';
import { toUserSummary } from '../users/presenter';
import * as repo from './repository';

export type ModerationService = ReturnType<typeof createModerationService>;

const toQueued = (view: repo.QueuedView): QueuedReport => ({
  ...toReport(view),
  reporter: toUserSummary(view.reporter),
  action: view.report.action ?? null,
  resolutionNote: view.report.resolutionNote,
  resolvedAt: view.report.resolvedAt?.toISOString() ?? null,
});

export function createModerationService(
  { db }: AppContext,
  deps: { roles: RolesService; users: UsersService; auth: AuthService },
) {
  const { roles, users, auth } = deps;

  /** Admins see every report; organisers those of their events; anyone else, nothing. */
  const scopeOf = async (userId: number) => {
    const { isAdmin, organiserOf } = await roles.rolesOf(userId);
    if (!isAdmin && organiserOf.length === 0) {
      throw forbidden('Only admins and organisers moderate reports');
    }
    return { isAdmin, withinEvents: isAdmin ? undefined : organiserOf };
  };

  return {
    async queue(userId: number, query: { status: string; eventId?: number }) {
      const { withinEvents } = await scopeOf(userId);
      const status = query.status === 'all' ? undefined : (query.status as QueuedReport['status']);
      const rows = await repo.listQueue(
        db,
        { status, eventId: query.eventId, withinEvents },
        PAGE_SIZE_MAX,
      );
      return { items: rows.map(toQueued) };
    },

    async close(userId: number, id: number, body: CloseReportBody): Promise<QueuedReport> {
      const { isAdmin, withinEvents } = await scopeOf(userId);
      const found = await repo.findQueued(db, id);
      // Outside the moderator's events a report does not exist for them.
      const inScope = found && (!withinEvents || withinEvents.includes(found.report.eventId ?? -1));
      if (!found || !inScope) throw notFound('Report');
      if (body.action === 'suspend' && !isAdmin) {
        throw forbidden('Only admins can suspend an account');
      }
      const targetId = found.report.reportedId;
      const note = body.note || null;
      await db.transaction(async (tx) => {
        const closed = await repo.closeReport(tx, id, {
          status: body.status,
          action: body.action,
          resolvedBy: userId,
          resolutionNote: note,
        });
        if (!closed) throw conflict('conflict', 'This report was closed already');
        if (body.action === 'suspend') {
          await users.setSanctions(targetId, { suspendedAt: new Date() }, tx);
        } else if (body.action === 'mute') {
          const until = new Date(Date.now() + MUTE_HOURS * 3600_000);
          await users.setSanctions(targetId, { mutedUntil: until }, tx);
        }
        await repo.recordAction(tx, {
          actorId: userId,
          targetId,
          reportId: id,
          note,
          action:
            body.action === 'none'
              ? body.status === 'resolved'
                ? 'resolve'
                : 'dismiss'
              : body.action,
        });
      });
      if (body.action === 'suspend') await auth.revokeAllSessionsOf(targetId, 'suspended');
      return toQueued((await repo.findQueued(db, id))!);
    },

    async unsuspend(userId: number, targetId: number) {
      await roles.assertAdmin(userId);
      await users.assertExists(targetId);
      await db.transaction(async (tx) => {
        await users.setSanctions(targetId, { suspendedAt: null }, tx);
        await repo.recordAction(tx, { actorId: userId, targetId, action: 'unsuspend' });
      });
      return { ok: true as const };
    },

    async audit(userId: number) {
      await roles.assertAdmin(userId);
      const rows = await repo.listAudit(db, PAGE_SIZE_MAX);
      return {
        items: rows.map(({ entry, actor, target }) => ({
          id: entry.id,
          actor: toUserSummary(actor),
          target: toUserSummary(target),
          action: entry.action,
          reportId: entry.reportId,
          note: entry.note,
          createdAt: entry.createdAt.toISOString(),
        })),
      };
    },
  };
}
