/**
 * Property-based fuzzing of every REST endpoint of the contract, on a running server and the
 * real database. Inputs come from the endpoints' own zod schemas: valid-shaped and broken on
 * purpose. Properties: never a 5xx; every refusal is a 4xx with a stable error code; every
 * success matches the response schema; valid input is never refused as invalid; no response
 * leaks another user's email or a password hash; and the database stays consistent.
 */
import {
  allEndpoints,
  api,
  ERROR_CODES,
  hasNulCharacter,
  type EndpointDef,
} from '@spotlight/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../harness';
import { deepNesting, fuzzValue, jsonSchemaOf, validish } from './arbitraries';
import { startFakeWsdcRegistry, type FakeWsdcRegistry } from '../support/wsdc-registry';
import { recordCases } from './counts';
import { invariantViolations, NO_VIOLATIONS } from './invariants';

const ENDPOINTS = allEndpoints();
/** Total REST cases; FUZZ_RUNS raises it. */
const TOTAL = Number(process.env.FUZZ_RUNS ?? 6_000);
const RUNS_PER_ENDPOINT = Math.max(50, Math.ceil(TOTAL / ENDPOINTS.length));
const codes = new Set<string>(ERROR_CODES);

type Identity = 'anon' | 'a' | 'b' | 'outsider';

let t: TestServer;
// A registry that answers, so that a lookup is a 200 or a 404, never the 502 of no registry.
let registry: FakeWsdcRegistry;
const users: Record<Exclude<Identity, 'anon'>, TestUser> = {} as never;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  registry = await startFakeWsdcRegistry();
  // Generous limits here: the limits themselves are tested in the security suite.
  t = await startTestServer({
    WSDC_REGISTRY_URL: registry.url,
    REGISTER_MAX_PER_IP_PER_HOUR: '100000',
    API_MAX_PER_IP_PER_MINUTE: '100000',
    LOGIN_MAX_FAILURES_PER_IP: '100000',
    LOGIN_MAX_PER_ACCOUNT_PER_HOUR: '100000',
    LOGIN_MAX_PER_IP_PER_HOUR: '100000',
  });
  users.a = await t.registerUser();
  users.b = await t.registerUser();
  users.outsider = await t.registerUser();
  for (let i = 0; i < 4; i++) await t.createEvent();
  for (const user of [users.a, users.b]) {
    await t.call(api.events.join, { params: { id: 1 } }, { token: user.token });
    await t.call(api.events.join, { params: { id: 2 } }, { token: user.token });
  }
  const pending = await t.call(
    api.matches.create,
    { body: { targetUserId: users.b.id, eventId: 1 } },
    { token: users.a.token },
  );
  const accepted = await t.call(
    api.matches.create,
    { body: { targetUserId: users.a.id, eventId: 2 } },
    { token: users.b.token },
  );
  await t.call(
    api.matches.update,
    { params: { id: accepted.body.id }, body: { status: 'accepted' } },
    { token: users.a.token },
  );
  expect(pending.status).toBe(201);
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await t?.close();
  await registry?.close();
});

/** A fresh session for an identity whose token a logout may have revoked. */
async function tokenFor(identity: Identity, fresh: boolean): Promise<string | undefined> {
  if (identity === 'anon') return undefined;
  const user = users[identity];
  if (!fresh) return user.token;
  const res = await t.call(api.auth.login, {
    body: { email: user.email, password: user.password },
  });
  if (res.status !== 200)
    throw new Error(`re-login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

const serializeQuery = (query: unknown): string => {
  if (query === undefined) return '';
  if (query === null || typeof query !== 'object' || Array.isArray(query)) {
    return `?${encode(JSON.stringify(query) ?? '')}`;
  }
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      pairs.push(
        `${encode(key)}=${encode(typeof item === 'object' ? (JSON.stringify(item) ?? '') : String(item))}`,
      );
    }
  }
  return pairs.length ? `?${pairs.join('&')}` : '';
};

/** encodeURIComponent, except that lone surrogates become the bytes of invalid UTF-8. */
const encode = (text: string) =>
  text
    .split(/([\uD800-\uDFFF])/)
    .map((part) => (/^[\uD800-\uDFFF]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');

const fillPath = (path: string, params: unknown) =>
  path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value =
      params && typeof params === 'object' ? (params as Record<string, unknown>)[name] : undefined;
    return encode(
      value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value),
    );
  });

/** A raw body: JSON of a value, or text that is not JSON at all. */
const rawBody = (schemaBody: fc.Arbitrary<unknown>) =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: schemaBody.map((value) => ({
        text: JSON.stringify(value) ?? 'null',
        type: 'application/json',
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('{', '{"a":', 'null', '[]', '"x"', '\u0000', '{"__proto__":{"isAdmin":true}}')
        .map((text) => ({ text, type: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc.string({ maxLength: 50 }).map((text) => ({ text, type: 'text/plain' })),
    },
    {
      weight: 1,
      arbitrary: deepNesting().map((value) => ({
        text: JSON.stringify(value),
        type: 'application/json',
      })),
    },
  );

function caseArbitrary(def: EndpointDef) {
  const part = (schema: EndpointDef['params']) =>
    schema ? fuzzValue(jsonSchemaOf(schema)) : fc.constant(undefined);
  const body = def.body
    ? rawBody(fuzzValue(jsonSchemaOf(def.body)))
    : fc.option(rawBody(fc.jsonValue({ maxDepth: 2 })), { freq: 5, nil: undefined });
  return fc.record({
    identity: fc.constantFrom<Identity>('anon', 'a', 'b', 'outsider'),
    params: part(def.params),
    query: def.query
      ? fuzzValue(jsonSchemaOf(def.query))
      : fc.option(validish({ type: 'object', properties: { x: { type: 'string' } } }), {
          nil: undefined,
        }),
    body,
    origin: fc.constantFrom<string | undefined>(
      undefined,
      undefined,
      undefined,
      'SAME',
      'https://evil.example',
    ),
  });
}

/** Valid by the contract: the schema accepts it, and it holds no NUL (see hasNulCharacter). */
const valid = (schema: EndpointDef['params'], value: unknown) =>
  !hasNulCharacter(value) && (!schema || schema.safeParse(value).success);

describe.each(ENDPOINTS)('%s', (id, def) => {
  it(`survives ${RUNS_PER_ENDPOINT} generated requests`, async () => {
    const isLogout = def === api.auth.logout || def === api.auth.logoutAll;
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(caseArbitrary(def), async (c) => {
        cases++;
        const token = await tokenFor(c.identity, isLogout);
        const headers: Record<string, string> = {};
        if (token) headers.authorization = `Bearer ${token}`;
        if (c.origin) headers.origin = c.origin === 'SAME' ? t.url : c.origin;
        if (c.body) headers['content-type'] = c.body.type;
        const target = fillPath(def.path, c.params) + serializeQuery(c.query);
        const res = await t.raw(def.method, target, {
          body: def.method === 'GET' ? undefined : c.body?.text,
          headers,
        });
        const body = res.body as { error?: { code?: string; message?: unknown } } | undefined;
        const text = JSON.stringify(res.body) ?? '';

        expect(res.status, `${def.method} ${target} → ${text.slice(0, 300)}`).toBeLessThan(500);
        if (res.status >= 400) {
          expect(
            codes.has(body?.error?.code ?? ''),
            `unstable error: ${res.status} ${text.slice(0, 200)}`,
          ).toBe(true);
          expect(typeof body?.error?.message).toBe('string');
        } else {
          expect(
            def.response.safeParse(res.body).success,
            `response off-contract: ${text.slice(0, 300)}`,
          ).toBe(true);
        }
        expect(text).not.toMatch(/password_?hash|\$2[aby]\$/i);
        for (const [name, user] of Object.entries(users)) {
          const self =
            c.identity === name &&
            (id === 'users.me' || id === 'users.updateMe' || id.startsWith('auth.'));
          if (!self) expect(text.includes(user.email), `${name}'s email leaked`).toBe(false);
        }

        // Valid input from a signed-in user is never refused as invalid.
        const bodyValue =
          c.body?.type === 'application/json' ? safeJson(c.body.text) : Symbol('not json');
        const inputsValid =
          valid(def.params, c.params) &&
          valid(def.query, c.query ?? {}) &&
          (def.body
            ? c.body?.type === 'application/json' && valid(def.body, bodyValue)
            : !c.body || def.method === 'GET');
        if (inputsValid && token && c.origin !== 'https://evil.example' && res.status === 400) {
          expect(
            body?.error?.code,
            `valid input refused: ${target} ${c.body?.text?.slice(0, 200)} → ${text.slice(0, 200)}`,
          ).not.toBe('validation_error');
        }
      }),
      { numRuns: RUNS_PER_ENDPOINT, endOnFailure: true },
    );
    recordCases('http', id, cases);
  });
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return Symbol('not json');
  }
}

describe('after the fuzzing', () => {
  it('left the database consistent and the process healthy', async () => {
    expect(await invariantViolations(t.db)).toEqual(NO_VIOLATIONS);
    expect(unhandled).toEqual([]);
    expect((await t.call(api.system.ready)).status).toBe(200);
  });
});
