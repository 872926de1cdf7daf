/**
 * The typed API client against a real server: successes typed by the contract, and every kind
 * of failure turned into an ApiError a page can show.
 */
import { api } from '@spotlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../backend/test/harness';
import { ApiError, createApiClient } from '../src/lib/api/client';

let t: TestServer;
let user: TestUser;

beforeAll(async () => {
  t = await startTestServer();
  user = await t.registerUser();
});
afterAll(() => t?.close());

const asUser = () =>
  createApiClient({ baseUrl: t.url, headers: { authorization: `Bearer ${user.token}` } });

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected the call to fail');
};

describe('API client', () => {
  it('builds paths and query strings from the contract and returns the typed body', async () => {
    const call = asUser();
    const { id } = await t.createEvent({ name: 'Client Test Open', location: 'Kraków' });
    const event = await call(api.events.get, { params: { id } });
    expect(event).toMatchObject({ id, name: 'Client Test Open', joined: false });
    const page = await call(api.events.list, { query: { q: 'client test', when: 'upcoming' } });
    expect(page.items.map((e) => e.id)).toEqual([id]);
    const joined = await call(api.events.join, { params: { id } });
    expect(joined.event.participantsCount).toBe(1);
  });

  it('turns an error body into an ApiError with code, message, status and field issues', async () => {
    const call = createApiClient({ baseUrl: t.url });
    const invalid = await failure(
      call(api.auth.register, {
        body: { email: 'nope', username: 'x', password: 'short' },
      }),
    );
    expect(invalid).toBeInstanceOf(ApiError);
    expect(invalid.code).toBe('validation_error');
    expect(invalid.status).toBe(400);
    expect(invalid.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['body.email', 'body.username', 'body.password']),
    );

    const wrong = await failure(
      call(api.auth.login, { body: { email: user.email, password: 'not the password' } }),
    );
    expect([wrong.code, wrong.status, wrong.isAuthError]).toEqual([
      'invalid_credentials',
      401,
      false,
    ]);
  });

  it('marks a missing or ended session as an auth error, and a 404 as not_found', async () => {
    const anonymous = await failure(createApiClient({ baseUrl: t.url })(api.users.me));
    expect([anonymous.code, anonymous.isAuthError]).toEqual(['unauthorized', true]);

    const missing = await failure(asUser()(api.matches.get, { params: { id: 999_999 } }));
    expect([missing.code, missing.status]).toEqual(['not_found', 404]);

    const other = await t.registerUser();
    await t.call(api.auth.logout, undefined, { token: other.token });
    const ended = await failure(
      createApiClient({ baseUrl: t.url, headers: { authorization: `Bearer ${other.token}` } })(
        api.users.me,
      ),
    );
    expect([ended.code, ended.isAuthError]).toEqual(['session_expired', true]);
  });

  it('reports no connection as network_error, and a proxy page as unavailable', async () => {
    const closed = await startTestServer();
    const url = closed.url;
    await closed.close();
    const down = await failure(createApiClient({ baseUrl: url })(api.system.health));
    expect([down.code, down.status]).toEqual(['network_error', 0]);

    // What nginx answers while the backend restarts: HTML, not the API's error shape.
    const proxy = createApiClient({
      baseUrl: t.url,
      fetch: async () =>
        new Response('<html><body>502 Bad Gateway</body></html>', {
          status: 502,
          headers: { 'content-type': 'text/html' },
        }),
    });
    const gateway = await failure(proxy(api.system.health));
    expect([gateway.code, gateway.status]).toEqual(['service_unavailable', 502]);
  });

  it('lets an abort through as an abort, not as a network error', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(asUser()(api.users.me, undefined, { signal: controller.signal })).rejects.toThrow(
      /abort/i,
    );
  });
});
