import type { AppContext } from './http/context';
import { createAuthService } from './modules/auth/service';
import { createChatService } from './modules/chat/service';
import { createEventsService } from './modules/events/service';
import { createMatchesService } from './modules/matches/service';
import { createRatingsService } from './modules/ratings/service';
import { createReportsService } from './modules/reports/service';
import { createTransfersService } from './modules/transfers/service';
import { createUsersService } from './modules/users/service';

export type Services = ReturnType<typeof createServices>;

/** Every service, wired once; REST routes and socket handlers share them. */
export function createServices(ctx: AppContext) {
  const events = createEventsService(ctx);
  const matches = createMatchesService(ctx);
  return {
    auth: createAuthService(ctx),
    users: createUsersService(ctx),
    events,
    matches,
    ratings: createRatingsService(ctx),
    reports: createReportsService(ctx),
    chat: createChatService(ctx, { events, matches }),
    transfers: createTransfersService(ctx, { matches }),
  };
}
