/** The organisers of an event, as the API manages them: list, grant by username, revoke. */
import type { OrganiserList } from '@spotlight/contracts';
import { notFound } from '../../errors';
import type { EventsService } from '../events/service';
import type { UsersService } from '../users/service';
import type { RolesService } from './service';

export type OrganisersService = ReturnType<typeof createOrganisersService>;

export function createOrganisersService(deps: {
  roles: RolesService;
  events: EventsService;
  users: UsersService;
}) {
  const { roles, events, users } = deps;

  /** 404 for a missing event, then 403 unless the user runs it. */
  const assertManager = async (userId: number, eventId: number) => {
    await events.assertExists(eventId);
    await roles.assertCanManageEvent(userId, eventId);
  };

  return {
    async list(eventId: number): Promise<OrganiserList> {
      await events.assertExists(eventId);
      return roles.listOrganisers(eventId);
    },

    async grant(byUserId: number, eventId: number, username: string): Promise<OrganiserList> {
      await assertManager(byUserId, eventId);
      const target = await users.findByUsername(username);
      if (!target) throw notFound('Dancer');
      return roles.addOrganiser(eventId, target.id, byUserId);
    },

    async revoke(byUserId: number, eventId: number, userId: number): Promise<OrganiserList> {
      await assertManager(byUserId, eventId);
      return roles.removeOrganiser(eventId, userId, byUserId);
    },
  };
}
