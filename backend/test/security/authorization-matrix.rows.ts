/**
 * The rows of the REST authorisation matrix (authorization-matrix.test.ts): for each endpoint of
 * the contract, the state it starts from, the request each role sends, and the status each
 * role gets. Roles: anonymous; an outsider (signed in, not in the event or match); the
 * participant who acts (the requester of the match); and the other participant (the target).
 */
import { randomUUID } from 'node:crypto';
import type { TestUser } from '../harness';
import { freshRegistration, freshSubscription } from './authorization-matrix.fixtures';
import { DASHBOARD_ROWS } from './authorization-matrix.dashboard-rows';

export type Role = 'anonymous' | 'outsider' | 'participant' | 'other';
export const ROLES: Role[] = ['anonymous', 'outsider', 'participant', 'other'];

export interface World {
  a: TestUser;
  b: TestUser;
  outsider: TestUser;
  eventId: number;
  /** A→B at eventId, in the status the row asked for. */
  matchId: number;
  reportId: number;
  /** A recording suggestion: B films A's heat (rows with `recording`). */
  recordingId: number;
}

/** A request before it is matched to its endpoint's exact types. */
interface LooseRequest {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

export interface Row {
  /** Status of the match the row starts from. */
  match?: 'pending' | 'accepted' | 'completed';
  /** Whether the row starts with a recording suggestion (B films A). */
  recording?: boolean;
  /** The request each role sends (the same for all unless it depends on who asks). */
  request(world: World, role: Role): LooseRequest;
  expect: Record<Role, number>;
}

const same = (status: number): Record<Role, number> => ({
  anonymous: status,
  outsider: status,
  participant: status,
  other: status,
});
const signedIn = (status: number) => ({ ...same(status), anonymous: 401 });
const none = (): LooseRequest => ({});
/** The signed-in user who plays `role`; the outsider stands in for anonymous. */
export const userOf = (world: Pick<World, 'a' | 'b' | 'outsider'>, role: Role) =>
  role === 'participant' ? world.a : role === 'other' ? world.b : world.outsider;

/** What each role gets from each endpoint, by the endpoint's id in the contract. */
export const MATRIX: Record<string, Row> = {
  'auth.register': { request: () => ({ body: freshRegistration() }), expect: same(201) },
  'auth.login': {
    request: (w, role) => {
      const user = role === 'anonymous' ? w.outsider : userOf(w, role);
      return { body: { email: user.email, password: user.password } };
    },
    expect: same(200),
  },
  'auth.logout': { request: none, expect: signedIn(200) },
  'auth.logoutAll': { request: none, expect: signedIn(200) },
  // Mailed-link tokens are public (the link may open on another device); a made-up one is refused.
  'auth.verifyEmail': { request: () => ({ body: { token: 'A'.repeat(43) } }), expect: same(400) },
  'auth.resendVerification': { request: none, expect: signedIn(202) },
  'auth.passwordReset': {
    request: () => ({ body: { email: `${randomUUID()}@example.test` } }),
    expect: same(202),
  },
  'auth.passwordResetConfirm': {
    request: () => ({ body: { token: 'A'.repeat(43), password: 'a brand new passphrase' } }),
    expect: same(400),
  },
  // A wrong password: nothing is mailed and the world's addresses stay (email-change.test.ts).
  'auth.changeEmail': {
    request: () => ({
      body: { email: `${randomUUID()}@example.test`, password: 'not the password at all' },
    }),
    expect: signedIn(403),
  },
  'auth.confirmEmailChange': {
    request: () => ({ body: { token: 'A'.repeat(43) } }),
    expect: same(400),
  },
  // Signed out, the answer is a 200 with `user: null` (auth-sessions.test.ts).
  'auth.session': { request: none, expect: same(200) },
  'users.me': { request: none, expect: signedIn(200) },
  'users.updateMe': { request: () => ({ body: { city: 'Lyon' } }), expect: signedIn(200) },
  // The matrix sends no photo: signed in, the empty body is refused (avatar.test.ts uploads).
  'users.uploadAvatar': { request: none, expect: signedIn(415) },
  'users.deleteAvatar': { request: none, expect: signedIn(200) },
  'users.exportMe': { request: none, expect: signedIn(200) },
  // A wrong password, so that the world's accounts stay (privacy.test.ts deletes one).
  'users.deleteMe': {
    request: () => ({ body: { password: 'not the password at all' } }),
    expect: signedIn(403),
  },
  'users.get': { request: (w) => ({ params: { id: w.b.id } }), expect: signedIn(200) },
  'blocks.list': { request: none, expect: signedIn(200) },
  // Anyone signed in blocks anyone else (the outsider blocks A; everyone else blocks the outsider).
  'blocks.block': {
    request: (w, role) => ({ params: { id: role === 'outsider' ? w.a.id : w.outsider.id } }),
    expect: signedIn(200),
  },
  'blocks.unblock': {
    request: (w, role) => ({ params: { id: role === 'outsider' ? w.a.id : w.outsider.id } }),
    expect: signedIn(200),
  },
  'events.list': { request: none, expect: signedIn(200) },
  'events.get': { request: (w) => ({ params: { id: w.eventId } }), expect: signedIn(200) },
  'events.join': { request: (w) => ({ params: { id: w.eventId } }), expect: signedIn(200) },
  'events.leave': { request: (w) => ({ params: { id: w.eventId } }), expect: signedIn(200) },
  // The list to find a partner in: both dancers see it (A with the pending match to B); the
  // outsider is refused. Organisers, admins and blocks: backend/test/api/event-dancers.test.ts.
  'events.participants': {
    match: 'pending',
    request: (w) => ({ params: { id: w.eventId } }),
    expect: { anonymous: 401, outsider: 403, participant: 200, other: 200 },
  },
  'organisers.list': { request: (w) => ({ params: { id: w.eventId } }), expect: signedIn(200) },
  // Nobody in this world organises the event (backend/test/api/organisers.test.ts grants).
  'organisers.grant': {
    request: (w) => ({ params: { id: w.eventId }, body: { username: w.outsider.username } }),
    expect: signedIn(403),
  },
  'organisers.revoke': {
    request: (w) => ({ params: { id: w.eventId, userId: w.a.id } }),
    expect: signedIn(403),
  },
  // Nobody in this world organises an event or is an admin: event management is refused to
  // all (backend/test/api/event-admin.test.ts covers organisers and admins).
  'eventAdmin.create': {
    request: () => ({
      body: { name: 'Mine', location: 'Here', startDate: '2031-01-01', endDate: '2031-01-02' },
    }),
    expect: signedIn(403),
  },
  'eventAdmin.update': {
    request: (w) => ({ params: { id: w.eventId }, body: { name: 'Mine' } }),
    expect: signedIn(403),
  },
  'eventAdmin.import': {
    request: () => ({ body: { format: 'json', content: '[]' } }),
    expect: signedIn(403),
  },
  'eventAdmin.checkInCode': {
    request: (w) => ({ params: { id: w.eventId } }),
    expect: signedIn(403),
  },
  // Anyone signed in may check in with the code at the door; without it, nobody can.
  'eventAdmin.checkIn': {
    request: (w) => ({ params: { id: w.eventId }, body: { token: 'x.forged' } }),
    expect: signedIn(400),
  },
  ...DASHBOARD_ROWS,
  'announcements.list': {
    request: (w) => ({ params: { id: w.eventId } }),
    expect: { anonymous: 401, outsider: 403, participant: 200, other: 200 },
  },
  'announcements.post': {
    request: (w) => ({ params: { id: w.eventId }, body: { content: 'Heat 3 is late' } }),
    expect: signedIn(403),
  },
  'announcements.remove': {
    request: (w) => ({ params: { id: w.eventId, announcementId: 1 } }),
    expect: signedIn(403),
  },
  // Nobody in this world is an admin or an organiser (backend/test/api/moderation.test.ts).
  'moderation.queue': { request: () => ({ query: { status: 'open' } }), expect: signedIn(403) },
  'moderation.close': {
    request: (w) => ({ params: { id: w.reportId }, body: { status: 'dismissed' } }),
    expect: signedIn(403),
  },
  'moderation.unsuspend': {
    request: (w) => ({ params: { id: w.b.id } }),
    expect: signedIn(403),
  },
  'moderation.audit': { request: none, expect: signedIn(403) },
  'matches.list': { request: none, expect: signedIn(200) },
  'matches.create': {
    // Each role asks the dancer on the other side: the outsider asks B.
    request: (w, role) => ({
      body: { targetUserId: role === 'participant' ? w.b.id : w.a.id, eventId: w.eventId },
    }),
    match: undefined,
    expect: { anonymous: 401, outsider: 403, participant: 201, other: 201 },
  },
  'matches.get': {
    match: 'pending',
    request: (w) => ({ params: { id: w.matchId } }),
    expect: { anonymous: 401, outsider: 404, participant: 200, other: 200 },
  },
  'matches.update': {
    // Accepting is the target's move: the requester is refused, the outsider sees nothing.
    match: 'pending',
    request: (w) => ({ params: { id: w.matchId }, body: { status: 'accepted' } }),
    expect: { anonymous: 401, outsider: 404, participant: 403, other: 200 },
  },
  'chat.eventHistory': {
    request: (w) => ({ params: { id: w.eventId } }),
    expect: { anonymous: 401, outsider: 403, participant: 200, other: 200 },
  },
  'chat.matchHistory': {
    match: 'accepted',
    request: (w) => ({ params: { id: w.matchId } }),
    expect: { anonymous: 401, outsider: 404, participant: 200, other: 200 },
  },
  'ratings.create': {
    match: 'completed',
    request: (w) => ({ body: { matchId: w.matchId, score: 5, wouldCollaborateAgain: true } }),
    expect: { anonymous: 401, outsider: 404, participant: 201, other: 201 },
  },
  'ratings.byUser': { request: (w) => ({ params: { id: w.b.id } }), expect: signedIn(200) },
  'ratings.stats': { request: (w) => ({ params: { id: w.b.id } }), expect: signedIn(200) },
  'reports.create': {
    match: 'accepted',
    // Each role reports the dancer across the match; the outsider is not in that match.
    request: (w, role) => ({
      body: {
        reportedUserId: role === 'participant' || role === 'outsider' ? w.b.id : w.a.id,
        matchId: w.matchId,
        reason: 'no_show',
      },
    }),
    expect: { anonymous: 401, outsider: 404, participant: 201, other: 201 },
  },
  'reports.list': { request: none, expect: signedIn(200) },
  'reports.get': {
    // The report was filed by the participant (A) about B; only A may read it.
    request: (w) => ({ params: { id: w.reportId } }),
    expect: { anonymous: 401, outsider: 404, participant: 200, other: 404 },
  },
  'system.health': { request: none, expect: same(200) },
  'system.ready': { request: none, expect: same(200) },
  'webrtc.iceServers': { request: none, expect: signedIn(200) },
  'transfers.telemetry': {
    match: 'accepted',
    request: (w) => ({
      body: {
        matchId: w.matchId,
        // A transfer of its own per request: each one is reported once.
        transferId: randomUUID(),
        role: 'receiver',
        outcome: 'completed',
        fileCount: 1,
        totalBytes: 1000,
        bytesTransferred: 1000,
        bytesResent: 0,
        durationMs: 100,
      },
    }),
    expect: { anonymous: 401, outsider: 404, participant: 201, other: 201 },
  },
  'transfers.stats': { request: none, expect: signedIn(200) },
  'push.vapidPublicKey': { request: none, expect: same(200) },
  // A new browser per request, at a push service the default PUSH_ALLOWED_HOSTS lists.
  'push.subscribe': { request: () => ({ body: freshSubscription() }), expect: signedIn(201) },
  'push.unsubscribe': {
    request: () => ({ body: { endpoint: 'https://fcm.googleapis.com/fcm/send/unknown' } }),
    expect: signedIn(200),
  },
  // The matrix's registry is a closed loopback port (vitest.config.ts): every signed-in caller
  // may look up any number, and gets "unavailable"; wsdc.test.ts replays the registry's answers.
  'wsdc.lookup': { request: () => ({ params: { wsdcId: '99999' } }), expect: signedIn(502) },
  'notifications.list': { request: none, expect: signedIn(200) },
  'notifications.markRead': { request: () => ({ body: { all: true } }), expect: signedIn(200) },
  'notifications.unread': { request: none, expect: signedIn(200) },
  'notifications.preferences': { request: none, expect: signedIn(200) },
  'notifications.updatePreferences': {
    request: () => ({ body: { types: { announcement: false } } }),
    expect: signedIn(200),
  },
  'notifications.pauseEvent': {
    request: (w) => ({ params: { id: w.eventId }, body: { paused: true } }),
    expect: { anonymous: 401, outsider: 403, participant: 200, other: 200 },
  },
  'notifications.matchRead': {
    match: 'accepted',
    request: (w) => ({ params: { id: w.matchId }, body: {} }),
    expect: { anonymous: 401, outsider: 404, participant: 200, other: 200 },
  },
  // Heats and recording matching: nobody in this world organises the event
  // (backend/test/api/heats.test.ts and matching.test.ts cover organisers).
  'heats.get': { request: (w) => ({ params: { id: w.eventId } }), expect: signedIn(200) },
  'heats.put': {
    request: (w) => ({
      params: { id: w.eventId },
      body: { csv: 'division,type,round,heat\nA,B,C,1' },
    }),
    expect: signedIn(403),
  },
  'heats.updateSettings': {
    request: (w) => ({ params: { id: w.eventId }, body: { heatMinutes: 6 } }),
    expect: signedIn(403),
  },
  'heats.getMine': {
    request: (w) => ({ params: { id: w.eventId } }),
    expect: { anonymous: 401, outsider: 403, participant: 200, other: 200 },
  },
  'heats.putMine': {
    request: (w) => ({
      params: { id: w.eventId },
      body: { bib: '7', willingToRecord: true, heats: [] },
    }),
    expect: { anonymous: 401, outsider: 403, participant: 200, other: 200 },
  },
  'heats.run': { request: (w) => ({ params: { id: w.eventId } }), expect: signedIn(403) },
  'heats.runs': { request: (w) => ({ params: { id: w.eventId } }), expect: signedIn(403) },
  // Everyone signed in sees their own recordings (none for the outsider).
  'recordings.list': { request: (w) => ({ params: { id: w.eventId } }), expect: signedIn(200) },
  'recordings.update': {
    recording: true,
    request: (w) => ({ params: { id: w.recordingId }, body: { status: 'accepted' } }),
    expect: { anonymous: 401, outsider: 404, participant: 200, other: 200 },
  },
};
