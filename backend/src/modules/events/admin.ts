/**
 * Running events: create and edit them, import a calendar, and check dancers in at the door.
 * Who may: admins everywhere; an event's organisers on their event; and, to create events,
 * anyone who already organises one (an admin makes the first organiser of a new organisation).
 */
import type {
  CheckInCode,
  CheckInResponse,
  CreateEventBody,
  Event,
  ImportEventsBody,
  ImportEventsResponse,
  UpdateEventBody,
} from '@spotlight/contracts';
import { isUniqueViolation } from '../../db/client';
import { AppError, badRequest, conflict, forbidden } from '../../errors';
import type { AppContext } from '../../http/context';
import type { RolesService } from '../roles/service';
import { createCheckInCodes } from './check-in-code';
import { parseEventFile } from './event-file';
import * as repo from './repository';
import type { EventsService } from './service';

export type EventAdminService = ReturnType<typeof createEventAdminService>;

const duplicateEvent = () =>
  conflict('conflict', 'Another event already has this WSDC id; edit that one instead');

export function createEventAdminService(
  { db, bus, config }: AppContext,
  deps: { roles: RolesService; events: EventsService },
) {
  const { roles, events } = deps;
  const codes = createCheckInCodes(config.JWT_SECRET, config.CHECK_IN_CODE_SECONDS);

  /** The user's roles, if they may create events: admins, and organisers of any event. */
  const assertMayCreate = async (userId: number) => {
    const found = await roles.rolesOf(userId);
    if (!found.isAdmin && found.organiserOf.length === 0) {
      throw forbidden('Only organisers and admins can create events; ask an admin to make you one');
    }
    return found;
  };

  /** 404 for a missing event, then 403 unless the user may run it. */
  const assertManages = async (userId: number, eventId: number) => {
    await events.assertExists(eventId);
    await roles.assertCanManageEvent(userId, eventId);
  };

  const uniqueOrConflict = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateEvent();
      throw error;
    }
  };

  return {
    async create(userId: number, body: CreateEventBody): Promise<Event> {
      await assertMayCreate(userId);
      const id = await uniqueOrConflict(() =>
        db.transaction(async (tx) => {
          const created = await repo.insertEvent(tx, {
            ...repo.toNewEvent(body),
            requireVerifiedEmail: body.requireVerifiedEmail,
          });
          await roles.grantIn(tx, created, userId, userId);
          return created;
        }),
      );
      return events.get(userId, id);
    },

    async update(userId: number, eventId: number, body: UpdateEventBody): Promise<Event> {
      await assertManages(userId, eventId);
      const stored = (await repo.findEventRow(db, eventId))!;
      const startDate = body.startDate ?? stored.startDate;
      const endDate = body.endDate ?? stored.endDate;
      if (endDate < startDate) {
        throw badRequest('The event cannot end before it starts', [
          { path: 'body.endDate', message: 'endDate is before startDate' },
        ]);
      }
      await uniqueOrConflict(() => repo.updateEvent(db, eventId, body));
      return events.get(userId, eventId);
    },

    /**
     * Imports a calendar, all rows or none: an event it would update must be one the user
     * runs, and the events it creates get the user as their organiser.
     */
    async import(userId: number, body: ImportEventsBody): Promise<ImportEventsResponse> {
      // Read before the transaction: PGlite has one connection, which the transaction holds.
      const { isAdmin: admin, organiserOf } = await assertMayCreate(userId);
      const parsed = parseEventFile(body.content, body.format);
      if (!parsed.ok) {
        throw badRequest(
          `${parsed.problems.length} problem(s) in the file; nothing was imported`,
          parsed.problems.map((p) => ({ path: p.where, message: p.reasons.join('; ') })),
        );
      }
      const organised = new Set(organiserOf);
      const result = await uniqueOrConflict(() =>
        db.transaction(async (tx) => {
          const upserted = await repo.upsertEvents(tx, parsed.rows.map(repo.toNewEvent));
          for (const [index, id] of upserted.ids.entries()) {
            if (upserted.insertedIds.has(id)) {
              await roles.grantIn(tx, id, userId, userId);
            } else if (!admin && !organised.has(id)) {
              throw forbidden(`Row ${index + 1} updates an event you do not organise`);
            }
          }
          return upserted;
        }),
      );
      return {
        inserted: result.inserted,
        updated: result.updated,
        events: await Promise.all(result.ids.map((id) => events.get(userId, id))),
      };
    },

    async checkInCode(userId: number, eventId: number, origin: string): Promise<CheckInCode> {
      await assertManages(userId, eventId);
      const { token, expiresAt } = codes.current(eventId);
      const url = `${origin}/events/${eventId}/check-in?token=${encodeURIComponent(token)}`;
      return { token, expiresAt: expiresAt.toISOString(), url };
    },

    /** Checks the dancer in with the code at the door; joins them first if they had not. */
    async checkIn(userId: number, eventId: number, token: string): Promise<CheckInResponse> {
      await events.assertExists(eventId);
      if (!codes.verify(eventId, token)) {
        throw new AppError(
          'invalid_check_in_code',
          'This check-in code is not valid any more; scan the code at the door again',
        );
      }
      if (await repo.hasEnded(db, eventId)) {
        throw new AppError('event_ended', 'This event is over; check-in has closed');
      }
      await events.assertMayTakePart(eventId, userId);
      const { checkedInAt, joined } = await db.transaction(async (tx) => {
        const row = await repo.checkIn(tx, eventId, userId);
        if (row.joined) await repo.adjustParticipantsCount(tx, eventId, 1);
        return row;
      });
      bus.emit('event.checked_in', { eventId, userId, joined });
      return { event: await events.get(userId, eventId), checkedInAt: checkedInAt.toISOString() };
    },
  };
}
