/**
 * Recording suggestions from the matcher: one recorder films one dancer's heat. Both people
 * answer; it is accepted once both accepted, declined as soon as one declines (the next run
 * then looks for someone else). Once accepted it is a match, with its private chat.
 */
import { z } from 'zod';
import { Id, IdParams, Timestamp } from '../common';
import { defineEndpoint } from './endpoint';
import { Heat, HeatRole } from './heats';
import { PublicUser } from './users';

export const RECORDING_STATUSES = ['suggested', 'accepted', 'declined'] as const;
export const RecordingStatus = z.enum(RECORDING_STATUSES);
export type RecordingStatus = z.infer<typeof RecordingStatus>;

export const RECORDING_ANSWERS = ['accepted', 'declined'] as const;
export const RecordingAnswer = z.enum(RECORDING_ANSWERS);
export type RecordingAnswer = z.infer<typeof RecordingAnswer>;

export const Recording = z.object({
  id: Id,
  eventId: Id,
  heat: Heat,
  /** The filmed dancer's role in that heat. */
  dancerRole: HeatRole,
  /** The filmed dancer's bib, when they gave one. */
  dancerBib: z.string().nullable(),
  /** The signed-in user's side: `dancer` (someone films me) or `recorder` (I film them). */
  side: z.enum(['dancer', 'recorder']),
  status: RecordingStatus,
  /** The signed-in user's own answer, and the other person's; null until given. */
  myAnswer: RecordingAnswer.nullable(),
  partnerAnswer: RecordingAnswer.nullable(),
  /** Why this recorder: "No free recorder in your city; Ben from Berlin will film you." */
  explanation: z.string(),
  /** The other person: the recorder when `side` is dancer, the dancer when recorder. */
  partner: PublicUser,
  /** The match between the two (private chat, transfer, rating); set once accepted. */
  matchId: Id.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Recording = z.infer<typeof Recording>;

export const RecordingList = z.object({
  /** Declined ones included, in heat time order, then sheet order. */
  items: z.array(Recording),
});
export type RecordingList = z.infer<typeof RecordingList>;

export const UpdateRecordingBody = z.strictObject({ status: RecordingAnswer });
export type UpdateRecordingBody = z.infer<typeof UpdateRecordingBody>;

export const recordingsEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/events/:id/recordings',
    auth: 'user',
    tag: 'recordings',
    summary: 'Who films me and whom I film at the event, in heat time order',
    params: IdParams,
    response: RecordingList,
    errors: ['not_found'],
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/recordings/:id',
    auth: 'user',
    tag: 'recordings',
    summary:
      'Accept or decline a recording suggestion (its dancer and recorder only); accepting an accepted one again is harmless',
    params: IdParams,
    body: UpdateRecordingBody,
    response: Recording,
    errors: ['not_found', 'invalid_transition'],
  }),
} as const;
