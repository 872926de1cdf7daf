/**
 * An event's announcements: what the organisers tell every dancer ("Heat 12 moves to the small
 * ballroom"). Organisers and admins post and withdraw them; participants read them, live on the
 * socket (`announcement`) and here when they open the event.
 */
import { z } from 'zod';
import { Id, IdParam, IdParams, Timestamp } from '../common';
import { defineEndpoint } from './endpoint';
import { UserSummary } from './users';

export const ANNOUNCEMENT_MAX = 1000;

export const Announcement = z.object({
  id: Id,
  eventId: Id,
  author: UserSummary,
  content: z.string(),
  createdAt: Timestamp,
});
export type Announcement = z.infer<typeof Announcement>;

export const AnnouncementList = z.object({ items: z.array(Announcement) });
export type AnnouncementList = z.infer<typeof AnnouncementList>;

export const PostAnnouncementBody = z.strictObject({
  content: z.string().trim().min(1).max(ANNOUNCEMENT_MAX),
});
export type PostAnnouncementBody = z.infer<typeof PostAnnouncementBody>;

export const AnnouncementParams = z.object({ id: IdParam, announcementId: IdParam });

export const announcementsEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/events/:id/announcements',
    auth: 'user',
    tag: 'announcements',
    summary: "The event's announcements, newest first (participants, organisers and admins)",
    params: IdParams,
    response: AnnouncementList,
    errors: ['not_found', 'not_participant'],
  }),
  post: defineEndpoint({
    method: 'POST',
    path: '/api/events/:id/announcements',
    auth: 'user',
    tag: 'announcements',
    summary: 'Tell every dancer of the event (organisers and admins)',
    params: IdParams,
    body: PostAnnouncementBody,
    response: Announcement,
    status: 201,
    errors: ['forbidden', 'not_found', 'rate_limited'],
  }),
  remove: defineEndpoint({
    method: 'DELETE',
    path: '/api/events/:id/announcements/:announcementId',
    auth: 'user',
    tag: 'announcements',
    summary: 'Withdraw an announcement (organisers and admins)',
    params: AnnouncementParams,
    response: AnnouncementList,
    errors: ['forbidden', 'not_found'],
  }),
} as const;
