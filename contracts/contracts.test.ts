import { describe, expect, it } from 'vitest';
import {
  allEndpoints,
  buildPath,
  buildQuery,
  canTransition,
  CLIENT_EVENT_NAMES,
  isCommonPassword,
  RegisterBody,
  UpdateMeBody,
  Username,
  SendPrivateMessage,
  contentForType,
} from './index';

describe('the endpoint registry', () => {
  it('has one definition per method and path', () => {
    const keys = allEndpoints().map(([, def]) => `${def.method} ${def.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('puts every endpoint under /api', () => {
    for (const [id, def] of allEndpoints()) expect(def.path, id).toMatch(/^\/api\//);
  });

  it('fills and encodes path parameters', () => {
    expect(buildPath('/api/events/:id/join', { id: 42 })).toBe('/api/events/42/join');
    expect(buildPath('/api/users/:id', { id: 'a/b' })).toBe('/api/users/a%2Fb');
    expect(() => buildPath('/api/users/:id', {})).toThrow(/Missing path parameter id/);
  });

  it('builds a query string from the defined values only, encoded', () => {
    expect(buildQuery({ search: 'swing & jam', page: 2, from: undefined, to: null })).toBe(
      '?search=swing+%26+jam&page=2',
    );
    expect(buildQuery({})).toBe('');
    expect(buildQuery(undefined)).toBe('');
  });
});

describe('passwords', () => {
  it('refuses the most common passwords, whatever their case, and nothing else', () => {
    expect(isCommonPassword('PASSWORD')).toBe(true);
    expect(isCommonPassword('iloveyou')).toBe(true);
    expect(isCommonPassword('west coast swing at dawn')).toBe(false);
  });

  it('needs 8 characters and no composition rule', () => {
    const base = { email: 'a@b.co', username: 'abc' };
    expect(RegisterBody.safeParse({ ...base, password: 'short' }).success).toBe(false);
    expect(RegisterBody.safeParse({ ...base, password: 'alllowercaseletters' }).success).toBe(true);
  });
});

describe('usernames and display names', () => {
  const base = { email: 'a@b.co', password: 'west coast swing' };

  it('keeps usernames to ASCII handles, and says exactly what is allowed', () => {
    expect(Username.safeParse('ana_lopez.2').success).toBe(true);
    for (const name of ['José', 'Ana Lopez', 'аna']) {
      const result = Username.safeParse(name);
      expect(result.success, name).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(
        'Latin letters a–z, digits, dot, dash and underscore; no spaces or accents',
      );
    }
  });

  it('takes a name in any script at sign-up and in the profile, in NFC', () => {
    const composed = 'Jos\u00e9';
    const decomposed = 'Jose\u0301';
    const body = RegisterBody.parse({ ...base, username: 'jose', displayName: decomposed });
    expect(body.displayName).toBe(composed);
    expect(RegisterBody.parse({ ...base, username: 'ana', displayName: ' Ana Lopez ' })).toEqual(
      expect.objectContaining({ displayName: 'Ana Lopez' }),
    );
    expect(UpdateMeBody.parse({ displayName: decomposed }).displayName).toBe(composed);
  });
});

describe('match transitions', () => {
  it('allows only the moves of the right participant', () => {
    expect(canTransition('pending', 'accepted', 'target')).toBe(true);
    expect(canTransition('pending', 'accepted', 'requester')).toBe(false);
    expect(canTransition('pending', 'cancelled', 'requester')).toBe(true);
    expect(canTransition('accepted', 'completed', 'requester')).toBe(true);
    expect(canTransition('completed', 'pending', 'target')).toBe(false);
    expect(canTransition('rejected', 'accepted', 'target')).toBe(false);
  });
});

describe('messages', () => {
  it('accepts only http(s) links for link messages', () => {
    expect(contentForType('link', 'https://drive.google.com/file/d/abc').success).toBe(true);
    expect(contentForType('link', 'javascript:alert(1)').success).toBe(false);
  });

  it('defaults the private message type to text', () => {
    const parsed = SendPrivateMessage.parse({ matchId: 1, content: 'hi' });
    expect(parsed.type).toBe('text');
  });

  it('names the seed socket events', () => {
    expect(CLIENT_EVENT_NAMES).toEqual(
      expect.arrayContaining([
        'join_event_room',
        'leave_event_room',
        'send_event_message',
        'join_private_room',
        'send_private_message',
        'send_match_request',
        'accept_match_request',
        'webrtc_offer',
        'webrtc_answer',
        'webrtc_ice_candidate',
      ]),
    );
  });
});
