import { z } from 'zod';
import { IdParam, IdParams, Timestamp } from '../common';
import { defineEndpoint } from './endpoint';
import { UserSummary, Username } from './users';

/** One organiser of an event, and who made them one. */
export const Organiser = UserSummary.extend({
  grantedBy: UserSummary.nullable(),
  since: Timestamp,
});
export type Organiser = z.infer<typeof Organiser>;

export const OrganiserList = z.object({ items: z.array(Organiser) });
export type OrganiserList = z.infer<typeof OrganiserList>;

/** Grants the role by the dancer's username, which everyone sees in chat (never by e-mail). */
export const GrantOrganiserBody = z.strictObject({ username: Username });
export type GrantOrganiserBody = z.infer<typeof GrantOrganiserBody>;

export const OrganiserParams = z.object({ id: IdParam, userId: IdParam });

export const organisersEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/events/:id/organisers',
    auth: 'user',
    tag: 'organisers',
    summary: "The event's organisers",
    params: IdParams,
    response: OrganiserList,
    errors: ['not_found'],
  }),
  grant: defineEndpoint({
    method: 'POST',
    path: '/api/events/:id/organisers',
    auth: 'user',
    tag: 'organisers',
    summary: 'Make a dancer an organiser of the event (organisers of the event and admins)',
    params: IdParams,
    body: GrantOrganiserBody,
    response: OrganiserList,
    status: 201,
    errors: ['forbidden', 'not_found'],
  }),
  revoke: defineEndpoint({
    method: 'DELETE',
    path: '/api/events/:id/organisers/:userId',
    auth: 'user',
    tag: 'organisers',
    summary: 'Remove an organiser (organisers of the event and admins; the last one stays)',
    params: OrganiserParams,
    response: OrganiserList,
    errors: ['forbidden', 'not_found', 'last_organiser'],
  }),
} as const;
