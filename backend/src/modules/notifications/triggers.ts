/**
 * When to notify: the domain events of matches, chat, announcements and heats (a recording
 * suggested by a matching run, a heat about to start), and the video offer that the socket
 * layer relays. Texts name no more than the title needs: who, and where; they are in the
 * recipient's language (texts.ts).
 */
import type { UserSummary } from '@spotlight/contracts';
import type { DomainEvents } from '../../bus';
import type { AppContext } from '../../http/context';
import type { EventsService } from '../events/service';
import type { MatchesService } from '../matches/service';
import type { NotificationsService } from './service';

export type NotificationTriggers = ReturnType<typeof createNotificationTriggers>;

const nameOf = (user: UserSummary) => user.displayName ?? user.username;

/** Announcements reach this many dancers at once (each may wait for their clients' answer). */
const FAN_OUT_BATCH = 50;

export interface RecordingAssignment {
  /** The dancer who films. */
  userId: number;
  eventId: number;
  /** The heat, for the tag (a second assignment to it replaces the first). */
  heatId: number;
  /** What the dancer reads: "Heat 12, Novice J&J". */
  heatLabel: string;
  /** Who they film. */
  dancerName: string;
}

/** What the heats module's reminder job announces (`heat.starting`). */
export type HeatReminder = DomainEvents['heat.starting'];

export function createNotificationTriggers(
  { bus, logger }: AppContext,
  deps: { notifications: NotificationsService; matches: MatchesService; events: EventsService },
) {
  const { notifications, matches, events } = deps;

  /** The match as the recipient sees it: the partner is the one who acted. */
  const matchFor = (recipientId: number, matchId: number) => matches.get(recipientId, matchId);

  const triggers = {
    async matchRequested(matchId: number, targetId: number) {
      const match = await matchFor(targetId, matchId);
      const t = await notifications.textsFor(targetId);
      return notifications.notify(targetId, {
        type: 'match_request',
        title: t.matchRequest(nameOf(match.partner)),
        body: match.event.name,
        url: `/matches/${matchId}`,
        tag: `match-${matchId}`,
        matchId,
        eventId: match.event.id,
      });
    },

    async matchAccepted(matchId: number, requesterId: number) {
      const match = await matchFor(requesterId, matchId);
      const t = await notifications.textsFor(requesterId);
      return notifications.notify(requesterId, {
        type: 'match_accepted',
        title: t.matchAccepted(nameOf(match.partner)),
        body: t.privateChatOpen(match.event.name),
        url: `/matches/${matchId}`,
        tag: `match-${matchId}`,
        matchId,
        eventId: match.event.id,
      });
    },

    async privateMessage(matchId: number, recipientId: number) {
      const match = await matchFor(recipientId, matchId);
      const t = await notifications.textsFor(recipientId);
      return notifications.notify(
        recipientId,
        {
          type: 'private_message',
          title: t.newMessage(nameOf(match.partner)),
          body: t.openToRead,
          url: `/matches/${matchId}`,
          tag: `chat-${matchId}`,
          matchId,
          eventId: match.event.id,
        },
        { dropWhenShowing: true },
      );
    },

    /** The sender offered a video over WebRTC; the partner may be anywhere in the app, or not in it. */
    async videoOffer(matchId: number, senderId: number) {
      const sender = await matches.findForParticipant(senderId, matchId);
      if (!sender) return { stored: false, pushed: 0 };
      const recipientId = sender.user1Id === senderId ? sender.user2Id : sender.user1Id;
      const match = await matchFor(recipientId, matchId);
      const t = await notifications.textsFor(recipientId);
      return notifications.notify(
        recipientId,
        {
          type: 'video_offer',
          title: t.sendingVideo(nameOf(match.partner)),
          body: t.tapToReceive,
          url: `/matches/${matchId}`,
          tag: `video-${matchId}`,
          matchId,
          eventId: match.event.id,
        },
        { dropWhenShowing: true, pushOnlyNew: true },
      );
    },

    /** Every participant but the author hears an organiser's announcement. */
    async announcement(eventId: number, announcementId: number, authorId: number, content: string) {
      const event = await events.get(authorId, eventId);
      const audience = (await events.participantIds(eventId)).filter((id) => id !== authorId);
      for (let i = 0; i < audience.length; i += FAN_OUT_BATCH) {
        await Promise.all(
          audience.slice(i, i + FAN_OUT_BATCH).map((userId) =>
            notifications.notify(userId, {
              type: 'announcement',
              title: event.name,
              body: content,
              url: `/events/${eventId}`,
              tag: `announcement-${announcementId}`,
              eventId,
            }),
          ),
        );
      }
      return audience.length;
    },

    /** A matching run gave a dancer someone to film. */
    async recordingAssigned(input: RecordingAssignment) {
      const t = await notifications.textsFor(input.userId);
      return notifications.notify(input.userId, {
        type: 'recording_assigned',
        title: t.youFilm(input.dancerName),
        body: input.heatLabel,
        url: `/events/${input.eventId}`,
        tag: `recording-${input.eventId}-${input.heatId}`,
        eventId: input.eventId,
      });
    },

    /** The heats module's scheduled job: "your heat in 10 minutes, Ben films you". */
    async heatReminder(input: HeatReminder) {
      const t = await notifications.textsFor(input.userId);
      return notifications.notify(input.userId, {
        type: 'heat_reminder',
        title: t.heatIn(input.minutes),
        body: input.filmedBy ? t.filmsYou(input.heatLabel, input.filmedBy) : input.heatLabel,
        url: `/events/${input.eventId}`,
        tag: `heat-${input.eventId}-${input.heatId}`,
        eventId: input.eventId,
      });
    },
  };

  /** Runs a trigger in the background of the domain event; a failure is logged. */
  const run = (what: string, task: () => Promise<unknown>) => {
    task().catch((error: unknown) => logger.warn({ err: error, what }, 'notification failed'));
  };
  bus.on('match.created', ({ matchId, targetId }) =>
    run('match_request', () => triggers.matchRequested(matchId, targetId)),
  );
  bus.on('match.updated', ({ matchId, status, requesterId }) => {
    if (status === 'accepted') {
      run('match_accepted', () => triggers.matchAccepted(matchId, requesterId));
    }
  });
  bus.on('chat.private_message', ({ matchId, recipientId }) =>
    run('private_message', () => triggers.privateMessage(matchId, recipientId)),
  );
  bus.on('announcement.changed', ({ eventId, announcement, removed }) => {
    if (removed) return;
    run('announcement', () =>
      triggers.announcement(eventId, announcement.id, announcement.author.id, announcement.content),
    );
  });

  bus.on('recording.changed', ({ userId, recording, created }) => {
    if (!created || recording.side !== 'recorder') return;
    run('recording_assigned', () =>
      triggers.recordingAssigned({
        userId,
        eventId: recording.eventId,
        heatId: recording.heat.id,
        heatLabel: recording.heat.label,
        dancerName: nameOf(recording.partner),
      }),
    );
  });
  bus.on('heat.starting', (reminder) =>
    run('heat_reminder', () => triggers.heatReminder(reminder)),
  );

  return triggers;
}
