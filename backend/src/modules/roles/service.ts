/**
 * Roles, and every check of them: site admins (the `is_admin` flag, or an e-mail listed in
 * ADMIN_EMAILS) and the organisers of an event. Other modules ask here; none reads the tables.
 * This module sits below the others: it knows users and events only by id, so the callers
 * check that an event exists (404) before they ask whether the user may run it (403).
 */
import type { Organiser, OrganiserList } from '@spotlight/contracts';
import { AppError, forbidden, notFound } from '../../errors';
import type { Executor } from '../../db/client';
import type { AppContext } from '../../http/context';
import { toUserSummary } from '../users/presenter';
import * as repo from './repository';

export type RolesService = ReturnType<typeof createRolesService>;

export interface Roles {
  isAdmin: boolean;
  organiserOf: number[];
}

const toOrganiser = (row: repo.OrganiserRow): Organiser => ({
  ...toUserSummary(row),
  since: row.since.toISOString(),
  grantedBy:
    row.granterId === null
      ? null
      : toUserSummary({
          id: row.granterId,
          username: row.granterUsername!,
          displayName: row.granterDisplayName,
          avatar: row.granterAvatar,
        }),
});

export function createRolesService({ db, config }: Pick<AppContext, 'db' | 'config'>) {
  const adminEmails = new Set(config.ADMIN_EMAILS);

  const isAdmin = async (userId: number) => {
    const facts = await repo.findAdminFacts(db, userId);
    return !!facts && (facts.isAdmin || adminEmails.has(facts.email));
  };

  /** Admins and the event's organisers run an event. */
  const canManageEvent = async (userId: number, eventId: number) =>
    (await repo.isOrganiser(db, eventId, userId)) || (await isAdmin(userId));

  const listOrganisers = async (eventId: number): Promise<OrganiserList> => ({
    items: (await repo.listOrganisers(db, eventId)).map(toOrganiser),
  });

  return {
    isAdmin,
    canManageEvent,
    listOrganisers,

    /** 403 unless the user runs the event (the caller has checked that it exists). */
    async assertCanManageEvent(userId: number, eventId: number) {
      if (!(await canManageEvent(userId, eventId))) {
        throw forbidden('Only the organisers of this event can do that');
      }
    },

    async assertAdmin(userId: number) {
      if (!(await isAdmin(userId))) throw forbidden('Only admins can do that');
    },

    async rolesOf(userId: number): Promise<Roles> {
      const [admin, organiserOf] = await Promise.all([
        isAdmin(userId),
        repo.eventsOrganisedBy(db, userId),
      ]);
      return { isAdmin: admin, organiserOf };
    },

    /** Makes a dancer an organiser (idempotent); `byUserId` is recorded as the granter. */
    async addOrganiser(eventId: number, userId: number, byUserId: number | null) {
      await repo.addOrganiser(db, eventId, userId, byUserId);
      return listOrganisers(eventId);
    },

    /** The same, inside a caller's transaction (an event and its first organiser together). */
    grantIn: (tx: Executor, eventId: number, userId: number, byUserId: number | null) =>
      repo.addOrganiser(tx, eventId, userId, byUserId),

    /** Removes an organiser; an event keeps at least one unless an admin removes the last. */
    async removeOrganiser(eventId: number, userId: number, byUserId: number) {
      const admin = await isAdmin(byUserId);
      await db.transaction(async (tx) => {
        await repo.lockOrganisers(tx, eventId);
        if (!(await repo.isOrganiser(tx, eventId, userId))) throw notFound('Organiser');
        if (!admin && (await repo.countOrganisers(tx, eventId)) <= 1) {
          throw new AppError(
            'last_organiser',
            'An event needs at least one organiser; add another one first',
          );
        }
        await repo.removeOrganiser(tx, eventId, userId);
      });
      return listOrganisers(eventId);
    },

    /** For `npm run admin:grant`: sets or clears the admin flag; false for an unknown e-mail. */
    setAdmin: (email: string, admin: boolean) => repo.setAdminFlag(db, email, admin),
  };
}
