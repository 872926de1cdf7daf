import type { AppContext } from '../../http/context';
import { deleteStaleSessions } from './repository';

/** Sessions are kept this long after they expire or are revoked (for "where am I signed in"). */
const KEEP_ENDED_SESSIONS_MS = 7 * 24 * 3600 * 1000;

/** Every hour, one node deletes the session rows that ended more than a week ago. */
export function schedulePurgeOfEndedSessions(ctx: AppContext) {
  ctx.jobs.define(
    'sessions.purge',
    async () => {
      const deleted = await deleteStaleSessions(
        ctx.db,
        new Date(Date.now() - KEEP_ENDED_SESSIONS_MS),
      );
      if (deleted > 0) ctx.logger.info({ deleted }, 'ended sessions purged');
    },
    { retryLimit: 1 },
  );
  void ctx.jobs.schedule('sessions.purge', '17 * * * *', {});
}
