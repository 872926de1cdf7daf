/**
 * Notifications on the socket: a stored notification goes to every socket of its user, and the
 * notifications service asks those sockets, before pushing, whether one of them is focused on
 * the screen it is about (`notification_check`, answered through an acknowledgement).
 */
import { NotificationCheckAnswer } from '@spotlight/contracts';
import { rooms, type RealtimeDeps } from './types';

export function watchNotifications({ io, ctx, services }: RealtimeDeps): () => void {
  const timeout = ctx.config.NOTIFY_CHECK_TIMEOUT_MS;
  services.notifications.useClientProbe(
    (userId, check) =>
      new Promise((resolve) => {
        // Answers that came in time count, even when another socket never answered.
        io.to(rooms.user(userId))
          .timeout(timeout)
          .emit('notification_check', check, (_error: unknown, answers: unknown[]) =>
            resolve(
              (answers ?? []).some(
                (answer) => NotificationCheckAnswer.safeParse(answer).data?.showing === true,
              ),
            ),
          );
      }),
  );
  const off = ctx.bus.on('notification.created', ({ userId, notification, unread }) => {
    io.to(rooms.user(userId)).emit('notification', { notification, unread });
  });
  return () => {
    off();
    services.notifications.useClientProbe(async () => false);
  };
}
