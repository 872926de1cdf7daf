/**
 * E-mail verification and password reset, against a real SMTP server started here: the mail
 * arrives, its link works once, an expired link is refused, and a reset ends every session.
 */
import { api, PASSWORD_RESET_ACCEPTED } from '@spotlight/contracts';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountTokens } from '../../src/db/schema';
import { ACCOUNT_MAILS_PER_ACCOUNT_PER_HOUR } from '../../src/limits';
import { hashToken } from '../../src/modules/auth/account';
import { startTestServer, type TestServer } from '../harness';
import { cookieFrom, expectError } from '../helpers';
import { startMailServer, tokenFrom, type TestMailServer } from '../mail-server';
import { connectSocket, disconnection } from '../socket-harness';

let t: TestServer;
let smtp: TestMailServer;
beforeAll(async () => {
  smtp = await startMailServer();
  t = await startTestServer({ SMTP_URL: smtp.url, MAIL_FROM: 'Spotlight <hello@spotlight.test>' });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const expire = (token: string) =>
  t.db
    .update(accountTokens)
    .set({ expiresAt: sql`now() - interval '1 second'` })
    .where(eq(accountTokens.tokenHash, hashToken(token)));

describe('e-mail verification', () => {
  it('mails a link at registration that verifies the address once', async () => {
    const user = await t.registerUser({ displayName: 'Ana <b>&</b>' });
    expect(user.emailVerified).toBe(false);
    const mail = await smtp.next(user.email);
    expect(mail.from?.text).toContain('hello@spotlight.test');
    expect(mail.subject).toMatch(/confirm/i);
    // The same link in both parts; the display name is escaped in the HTML.
    const token = tokenFrom(mail, '/verify-email');
    expect(mail.text).toContain(`${t.url}/verify-email?token=${token}`);
    expect(mail.html).toContain(`${t.url}/verify-email?token=${token}`);
    expect(mail.html).toContain('Ana &lt;b&gt;&amp;&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>&</b>');
    // Only the hash is stored.
    const rows = await t.db.select().from(accountTokens).where(eq(accountTokens.userId, user.id));
    expect(rows.map((row) => row.tokenHash)).toEqual([hashToken(token)]);
    expect(JSON.stringify(rows)).not.toContain(token);

    const verified = await t.call(api.auth.verifyEmail, { body: { token } });
    expect(verified.status).toBe(200);
    const me = await t.call(api.users.me, {}, { token: user.token });
    expect(me.body.emailVerified).toBe(true);
    expectError(await t.call(api.auth.verifyEmail, { body: { token } }), 400, 'invalid_token');
  });

  it('refuses an expired link, and resends a new one that works', async () => {
    const user = await t.registerUser();
    const first = tokenFrom(await smtp.next(user.email), '/verify-email');
    await expire(first);
    expectError(
      await t.call(api.auth.verifyEmail, { body: { token: first } }),
      400,
      'invalid_token',
    );

    const resent = await t.call(api.auth.resendVerification, {}, { token: user.token });
    expect(resent.status).toBe(202);
    const second = tokenFrom(await smtp.next(user.email), '/verify-email');
    expect(second).not.toBe(first);
    expect((await t.call(api.auth.verifyEmail, { body: { token: second } })).status).toBe(200);
  });

  it('refuses a made-up token and a malformed one', async () => {
    const made = 'A'.repeat(43);
    expectError(
      await t.call(api.auth.verifyEmail, { body: { token: made } }),
      400,
      'invalid_token',
    );
    const short = await t.call(api.auth.verifyEmail, { body: { token: 'abc' } });
    expectError(short, 400, 'validation_error');
  });

  it('limits resends per account', async () => {
    const user = await t.registerUser();
    const statuses: number[] = [];
    for (let i = 0; i <= ACCOUNT_MAILS_PER_ACCOUNT_PER_HOUR; i++) {
      statuses.push((await t.call(api.auth.resendVerification, {}, { token: user.token })).status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((status) => status === 202)).toBe(true);
  });
});

describe('the mails’ language', () => {
  it('writes to a dancer in the language chosen at sign-up, and in the one chosen later', async () => {
    const user = await t.registerUser({ language: 'pl' });
    expect(user.language).toBe('pl');
    const verification = await smtp.next(user.email);
    expect(verification.subject).toBe('Potwierdź swój adres e-mail w spotlight.cam');
    expect(verification.text).toContain(`Cześć ${user.username},`);

    const changed = await t.call(
      api.users.updateMe,
      { body: { language: 'de' } },
      { token: user.token },
    );
    expect(changed.body.language).toBe('de');
    await t.call(api.auth.passwordReset, { body: { email: user.email } });
    const reset = await smtp.next(user.email);
    expect(reset.subject).toBe('Setze dein spotlight.cam-Passwort zurück');
    expect(reset.text).toContain('Neues Passwort wählen');
    expect(reset.text).toContain('/reset-password?token=');
  });

  it('keeps English for a dancer who chose no language, and refuses one the app does not speak', async () => {
    const user = await t.registerUser();
    expect(user.language).toBeNull();
    expect((await smtp.next(user.email)).subject).toBe(
      'Confirm your e-mail address for spotlight.cam',
    );
    for (const language of ['xx', 'EN', 'pt', '']) {
      expectError(
        await t.call(api.users.updateMe, { body: { language } as never }, { token: user.token }),
        400,
        'validation_error',
      );
    }
    const cleared = await t.call(
      api.users.updateMe,
      { body: { language: null } },
      { token: user.token },
    );
    expect(cleared.body.language).toBeNull();
  });
});

describe('password reset', () => {
  it('answers 202 with the same body whether or not the account exists', async () => {
    const user = await t.registerUser();
    const known = await t.call(api.auth.passwordReset, { body: { email: user.email } });
    const unknown = await t.call(api.auth.passwordReset, {
      body: { email: `nobody.${Date.now()}@example.test` },
    });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect(known.body).toEqual(PASSWORD_RESET_ACCEPTED);
    // The verification mail and the reset mail, in either order.
    const subjects = [(await smtp.next(user.email)).subject, (await smtp.next(user.email)).subject];
    expect(subjects.sort()).toEqual([
      'Confirm your e-mail address for spotlight.cam',
      'Reset your spotlight.cam password',
    ]);
  });

  it('sets the new password once, and ends every other session and socket', async () => {
    const user = await t.registerUser();
    await smtp.next(user.email); // the verification mail
    const login = await t.call(api.auth.login, {
      body: { email: user.email, password: user.password },
    });
    const cookie = cookieFrom(login);
    const socket = await connectSocket(t.url, { token: user.token });
    const dropped = disconnection(socket);

    await t.call(api.auth.passwordReset, { body: { email: user.email.toUpperCase() } });
    const mail = await smtp.next(user.email);
    const token = tokenFrom(mail, '/reset-password');
    const password = 'a brand new passphrase';
    const confirmed = await t.call(api.auth.passwordResetConfirm, { body: { token, password } });
    expect(confirmed.status).toBe(200);

    expect(await dropped).toBeTruthy();
    expectError(await t.call(api.users.me, {}, { cookie }), 401, 'session_expired');
    expectError(await t.call(api.users.me, {}, { token: user.token }), 401, 'session_expired');
    const old = await t.call(api.auth.login, {
      body: { email: user.email, password: user.password },
    });
    expectError(old, 401, 'invalid_credentials');
    const fresh = await t.call(api.auth.login, { body: { email: user.email, password } });
    expect(fresh.status).toBe(200);
    // The mailbox is proven: the address counts as verified.
    expect(fresh.body.user.emailVerified).toBe(true);
    const again = await t.call(api.auth.passwordResetConfirm, {
      body: { token, password: 'yet another passphrase' },
    });
    expectError(again, 400, 'invalid_token');
  });

  it('refuses an expired link and a weak password', async () => {
    const user = await t.registerUser();
    await smtp.next(user.email);
    await t.call(api.auth.passwordReset, { body: { email: user.email } });
    const token = tokenFrom(await smtp.next(user.email), '/reset-password');
    const weak = await t.call(api.auth.passwordResetConfirm, {
      body: { token, password: 'password' },
    });
    expectError(weak, 400, 'weak_password');
    await expire(token);
    const expired = await t.call(api.auth.passwordResetConfirm, {
      body: { token, password: 'a brand new passphrase' },
    });
    expectError(expired, 400, 'invalid_token');
    const still = await t.call(api.auth.login, {
      body: { email: user.email, password: user.password },
    });
    expect(still.status).toBe(200);
  });

  it('limits requests per address, known or not', async () => {
    for (const email of [(await t.registerUser()).email, `ghost.${Date.now()}@example.test`]) {
      const statuses: number[] = [];
      for (let i = 0; i <= ACCOUNT_MAILS_PER_ACCOUNT_PER_HOUR; i++) {
        statuses.push((await t.call(api.auth.passwordReset, { body: { email } })).status);
      }
      expect(statuses).toEqual([...Array(ACCOUNT_MAILS_PER_ACCOUNT_PER_HOUR).fill(202), 429]);
    }
  });
});
