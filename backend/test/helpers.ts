/**
 * Builders and assertions shared by the API tests: loose requests for bodies the contract's
 * types would refuse, people at an event, matches in a given status, the checks that a
 * response never carries secrets, and chat contents that must come back as sent.
 */
import {
  api,
  buildPath,
  type ApiErrorResponse,
  type EndpointDef,
  type Match,
  type ValidationIssue,
} from '@spotlight/contracts';
import { expect } from 'vitest';
import type { ApiResult, CallOptions, TestServer, TestUser } from './harness';

export interface LooseRequest {
  params?: Record<string, unknown>;
  /** An object, or a raw query string (for repeated keys). */
  query?: Record<string, string> | string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, with a JSON content type unless headers say otherwise. */
  rawBody?: string;
}

/** Sends anything to an endpoint of the contract: wrong types, unknown fields, bad ids. */
export async function send(
  t: TestServer,
  endpoint: EndpointDef,
  request: LooseRequest = {},
  options: CallOptions = {},
): Promise<ApiResult<Partial<ApiErrorResponse> & Record<string, unknown>>> {
  let target = buildPath(endpoint.path, request.params);
  if (request.query !== undefined) {
    const search =
      typeof request.query === 'string'
        ? request.query
        : String(new URLSearchParams(request.query));
    if (search) target += `?${search}`;
  }
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  const body =
    request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
  if (body !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, options.headers);
  return (await t.raw(endpoint.method, target, { body, headers })) as ApiResult<
    Partial<ApiErrorResponse> & Record<string, unknown>
  >;
}

/** Asserts a 400 validation_error whose details name `path` (or a path under it). */
export function expectValidationError(
  res: ApiResult<Partial<ApiErrorResponse> | unknown>,
  path?: string,
) {
  const body = res.body as Partial<ApiErrorResponse>;
  expect(res.status, JSON.stringify(body)).toBe(400);
  expect(body.error?.code).toBe('validation_error');
  const details = body.error?.details as ValidationIssue[] | undefined;
  expect(Array.isArray(details), 'details lists the problems').toBe(true);
  expect(details!.length).toBeGreaterThan(0);
  if (path !== undefined) {
    const paths = details!.map((d) => d.path);
    expect(
      paths.some((p) => p === path || p.startsWith(`${path}.`)),
      `details name ${path}: ${JSON.stringify(details)}`,
    ).toBe(true);
  }
  return details!;
}

/** Asserts an error response with this status and code. */
export function expectError(res: ApiResult<unknown>, status: number, code: string) {
  const body = res.body as Partial<ApiErrorResponse>;
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(body.error?.code).toBe(code);
  expect(typeof body.error?.message).toBe('string');
}

/**
 * Asserts that a response body, as JSON text, holds no password hash, no password field and
 * none of the given emails (other people's).
 */
export function expectNoSecrets(body: unknown, otherEmails: string[] = []) {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/password/i);
  expect(text).not.toMatch(/\$2[aby]\$/);
  expect(text).not.toMatch(/"email"/);
  for (const email of otherEmails) expect(text).not.toContain(email);
}

/** Joins `user` to an event, asserting success. */
export async function join(t: TestServer, user: TestUser, eventId: number) {
  const res = await t.call(api.events.join, { params: { id: eventId } }, { token: user.token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.event;
}

/** A new event with `count` new dancers who all joined it. */
export async function eventWithDancers(t: TestServer, count: number) {
  const event = await t.createEvent();
  const users: TestUser[] = [];
  for (let i = 0; i < count; i++) {
    const user = await t.registerUser();
    await join(t, user, event.id);
    users.push(user);
  }
  return { event, users };
}

/** `requester` asks `target` at `eventId`, asserting a 201. */
export async function requestMatch(
  t: TestServer,
  requester: TestUser,
  target: TestUser,
  eventId: number,
): Promise<Match> {
  const res = await t.call(
    api.matches.create,
    { body: { targetUserId: target.id, eventId } },
    { token: requester.token },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Moves a match as `user`, asserting a 200. */
export async function moveMatch(
  t: TestServer,
  user: TestUser,
  matchId: number,
  status: 'accepted' | 'rejected' | 'cancelled' | 'completed',
): Promise<Match> {
  const res = await t.call(
    api.matches.update,
    { params: { id: matchId }, body: { status } },
    { token: user.token },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

export type MatchStage = 'pending' | 'accepted' | 'completed' | 'rejected' | 'cancelled';

/**
 * Two new dancers at a new event, with a match from `requester` to `target` brought to `stage`.
 */
export async function matchAt(t: TestServer, stage: MatchStage) {
  const {
    event,
    users: [requester, target],
  } = await eventWithDancers(t, 2);
  let match = await requestMatch(t, requester!, target!, event.id);
  if (stage === 'rejected') match = await moveMatch(t, target!, match.id, 'rejected');
  if (stage === 'cancelled') match = await moveMatch(t, requester!, match.id, 'cancelled');
  if (stage === 'accepted' || stage === 'completed') {
    match = await moveMatch(t, target!, match.id, 'accepted');
  }
  if (stage === 'completed') match = await moveMatch(t, requester!, match.id, 'completed');
  return { event, requester: requester!, target: target!, match };
}

/** The `name=value` pair of a Set-Cookie header, for sending back as a Cookie header. */
export function cookieFrom(res: ApiResult<unknown>): string {
  const header = res.headers.get('set-cookie') ?? '';
  const pair = header.split(';')[0] ?? '';
  expect(pair).toMatch(/^spotlight_session=./);
  return pair;
}

/** Message contents that must come back exactly as sent: markup, entities, emoji, backticks. */
export const XSS = [
  '<script>alert("owned")</script>',
  '<img src=x onerror=alert(1)> &amp; &lt;b&gt; "quoted" \'single\'',
  'Ünïcødé 💃🕺 — `code` ${not.a.template}',
] as const;

/** The cursor query of the chat history endpoints. */
export type HistoryQuery = { before?: number; after?: number; limit?: number };
