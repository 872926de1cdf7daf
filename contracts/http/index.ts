import { announcementsEndpoints } from './announcements';
import { authEndpoints } from './auth';
import { blocksEndpoints } from './blocks';
import { chatEndpoints } from './chat';
import type { EndpointDef } from './endpoint';
import { eventAdminEndpoints } from './event-admin';
import { eventDashboardEndpoints } from './event-dashboard';
import { eventsEndpoints } from './events';
import { heatsEndpoints } from './heats';
import { matchesEndpoints } from './matches';
import { moderationEndpoints } from './moderation';
import { notificationsEndpoints } from './notifications';
import { organisersEndpoints } from './organisers';
import { pushEndpoints } from './push';
import { ratingsEndpoints } from './ratings';
import { recordingsEndpoints } from './recordings';
import { reportsEndpoints } from './reports';
import { systemEndpoints } from './system';
import { transfersEndpoints } from './transfers';
import { usersEndpoints } from './users';
import { webrtcEndpoints } from './webrtc';
import { wsdcEndpoints } from './wsdc';

/** Every REST endpoint, by feature. Server routes, the client, OpenAPI and the tests read it. */
export const api = {
  auth: authEndpoints,
  users: usersEndpoints,
  blocks: blocksEndpoints,
  events: eventsEndpoints,
  eventAdmin: eventAdminEndpoints,
  eventDashboard: eventDashboardEndpoints,
  organisers: organisersEndpoints,
  announcements: announcementsEndpoints,
  matches: matchesEndpoints,
  ratings: ratingsEndpoints,
  reports: reportsEndpoints,
  moderation: moderationEndpoints,
  chat: chatEndpoints,
  system: systemEndpoints,
  webrtc: webrtcEndpoints,
  transfers: transfersEndpoints,
  push: pushEndpoints,
  notifications: notificationsEndpoints,
  heats: heatsEndpoints,
  recordings: recordingsEndpoints,
  wsdc: wsdcEndpoints,
} as const;

/** Every endpoint as `feature.name` → definition, for code that walks all of them. */
export const allEndpoints = (): [string, EndpointDef][] =>
  Object.entries(api).flatMap(([feature, group]) =>
    Object.entries(group as Record<string, EndpointDef>).map(
      ([name, def]) => [`${feature}.${name}`, def] as [string, EndpointDef],
    ),
  );
