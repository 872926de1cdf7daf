import type { AppContext } from './http/context';
import { createAnnouncementsService } from './modules/announcements/service';
import { createBlocksPolicy, createBlocksService } from './modules/blocks/service';
import { createAccountService } from './modules/auth/account';
import { createAuthService } from './modules/auth/service';
import { createChatService } from './modules/chat/service';
import { createEventAdminService } from './modules/events/admin';
import { createEventDashboardService } from './modules/events/dashboard';
import { createEventsService } from './modules/events/service';
import { createMatchesService } from './modules/matches/service';
import { createMatchingService } from './modules/matching/service';
import { createModerationService } from './modules/moderation/service';
import { createNotificationsService } from './modules/notifications/service';
import { createNotificationTriggers } from './modules/notifications/triggers';
import { createPushService } from './modules/push/service';
import { createRatingsService } from './modules/ratings/service';
import { createReportsService } from './modules/reports/service';
import { createOrganisersService } from './modules/roles/organisers';
import { createRolesService } from './modules/roles/service';
import { createTransfersService } from './modules/transfers/service';
import { createPrivacyService } from './modules/users/privacy';
import { createUsersService } from './modules/users/service';
import { createWsdcService } from './modules/wsdc/service';

export type Services = ReturnType<typeof createServices>;

/** Every service, wired once; REST routes and socket handlers share them. */
export function createServices(ctx: AppContext) {
  const roles = createRolesService(ctx);
  const users = createUsersService(ctx, { roles });
  const events = createEventsService(ctx, { roles });
  const blocks = createBlocksPolicy(ctx);
  const matches = createMatchesService(ctx, { events, blocks });
  const auth = createAuthService(ctx, { roles });
  const push = createPushService(ctx);
  const notifications = createNotificationsService(ctx, { push, events, matches });
  return {
    privacy: createPrivacyService(ctx, { users, auth }),
    roles,
    auth,
    account: createAccountService(ctx, { auth }),
    users,
    events,
    eventAdmin: createEventAdminService(ctx, { roles, events }),
    eventDashboard: createEventDashboardService(ctx, { roles, events }),
    announcements: createAnnouncementsService(ctx, { events, roles }),
    organisers: createOrganisersService({ roles, events, users }),
    matches,
    ratings: createRatingsService(ctx, { matches, users }),
    reports: createReportsService(ctx, { matches, users, events }),
    chat: createChatService(ctx, { events, matches, blocks }),
    blockPolicy: blocks,
    moderation: createModerationService(ctx, { roles, users, auth }),
    blocks: createBlocksService(ctx, { users, matches }),
    transfers: createTransfersService(ctx, { matches }),
    push,
    notifications,
    /** When to notify: listens to the domain events; the socket layer calls videoOffer. */
    notify: createNotificationTriggers(ctx, { notifications, matches, events }),
    matching: createMatchingService(ctx, { events, roles, matches }),
    wsdc: createWsdcService(ctx),
  };
}
