/**
 * Running an event, for its organisers and the site's admins: create and edit events, import
 * an organiser's calendar, and check dancers in at the door with a rotating signed QR code.
 */
import { z } from 'zod';
import { IdParams, Timestamp } from '../common';
import { defineEndpoint } from './endpoint';
import { DATES_IN_ORDER, datesInOrder, Event, EVENT_FIELDS } from './events';

/** A new event: the fields of one import row. Its creator becomes its first organiser. */
export const CreateEventBody = z
  .strictObject({ ...EVENT_FIELDS, requireVerifiedEmail: z.boolean().default(false) })
  .refine(datesInOrder, DATES_IN_ORDER);
export type CreateEventBody = z.infer<typeof CreateEventBody>;

/** Any of an event's fields; the dates are checked together with the stored ones. */
export const UpdateEventBody = z
  .strictObject({
    name: z.string().trim().min(1).max(255),
    location: z.string().trim().min(1).max(255),
    startDate: z.iso.date(),
    endDate: z.iso.date(),
    worldsdcId: z.string().trim().min(1).max(100).nullable(),
    description: z.string().trim().max(5000).nullable(),
    requireVerifiedEmail: z.boolean(),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one field' });
export type UpdateEventBody = z.infer<typeof UpdateEventBody>;

export const EVENT_FILE_FORMATS = ['csv', 'json'] as const;

/** An organiser's calendar file, as the CLI takes it (`npm run db:import`), sent as text. */
export const ImportEventsBody = z.strictObject({
  format: z.enum(EVENT_FILE_FORMATS),
  content: z.string().min(1).max(1_000_000),
});
export type ImportEventsBody = z.infer<typeof ImportEventsBody>;

export const ImportEventsResponse = z.object({
  inserted: z.number().int().min(0),
  updated: z.number().int().min(0),
  events: z.array(Event),
});
export type ImportEventsResponse = z.infer<typeof ImportEventsResponse>;

/** The QR code at the door: a signed token that rotates, and the link a phone camera opens. */
export const CheckInCode = z.object({
  token: z.string(),
  expiresAt: Timestamp,
  url: z.string(),
});
export type CheckInCode = z.infer<typeof CheckInCode>;

export const CheckInBody = z.strictObject({ token: z.string().min(1).max(200) });
export type CheckInBody = z.infer<typeof CheckInBody>;

export const CheckInResponse = z.object({ event: Event, checkedInAt: Timestamp });
export type CheckInResponse = z.infer<typeof CheckInResponse>;

export const eventAdminEndpoints = {
  create: defineEndpoint({
    method: 'POST',
    path: '/api/events',
    auth: 'user',
    tag: 'event admin',
    summary: 'Create an event (admins, and organisers of another event); its creator organises it',
    body: CreateEventBody,
    response: Event,
    status: 201,
    errors: ['forbidden', 'conflict'],
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/events/:id',
    auth: 'user',
    tag: 'event admin',
    summary: 'Edit an event (its organisers and admins)',
    params: IdParams,
    body: UpdateEventBody,
    response: Event,
    errors: ['forbidden', 'not_found', 'conflict'],
  }),
  import: defineEndpoint({
    method: 'POST',
    path: '/api/events/import',
    auth: 'user',
    tag: 'event admin',
    summary:
      'Import a calendar file: all rows or none (admins, and organisers of every event it updates)',
    body: ImportEventsBody,
    response: ImportEventsResponse,
    errors: ['forbidden'],
  }),
  checkInCode: defineEndpoint({
    method: 'GET',
    path: '/api/events/:id/check-in/code',
    auth: 'user',
    tag: 'event admin',
    summary: 'The current check-in code for the screen at the door (organisers and admins)',
    params: IdParams,
    response: CheckInCode,
    errors: ['forbidden', 'not_found'],
  }),
  checkIn: defineEndpoint({
    method: 'POST',
    path: '/api/events/:id/check-in',
    auth: 'user',
    tag: 'event admin',
    summary: 'Check in at the venue with the code at the door (joins the event too)',
    params: IdParams,
    body: CheckInBody,
    response: CheckInResponse,
    errors: ['not_found', 'invalid_check_in_code', 'event_ended'],
  }),
} as const;
