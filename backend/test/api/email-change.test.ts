/**
 * Changing the e-mail address, against a real SMTP server started here: the new address gets
 * a link and the old one a notice; only the link switches the account (once, before it
 * expires), and until then sign-in stays with the old address.
 */
import { api, EMAIL_CHANGE_TTL_HOURS } from '@spotlight/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountTokens } from '../../src/db/schema';
import { ACCOUNT_MAILS_PER_ACCOUNT_PER_HOUR } from '../../src/limits';
import { hashToken } from '../../src/modules/auth/account';
import { buildUser, startTestServer, type TestServer, type TestUser } from '../harness';
import { expectError } from '../helpers';
import { startMailServer, tokenFrom, type TestMailServer } from '../mail-server';

let t: TestServer;
let smtp: TestMailServer;
beforeAll(async () => {
  smtp = await startMailServer();
  t = await startTestServer({ SMTP_URL: smtp.url });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const freshEmail = () => buildUser().email;

/** A new account whose verification mail has been taken out of the way. */
async function account(): Promise<TestUser> {
  const user = await t.registerUser();
  await smtp.next(user.email);
  return user;
}

const change = (user: TestUser, email: string, password = user.password) =>
  t.call(api.auth.changeEmail, { body: { email, password } }, { token: user.token });

const confirm = (token: string) => t.call(api.auth.confirmEmailChange, { body: { token } });

const login = (email: string, password: string) =>
  t.call(api.auth.login, { body: { email, password } });

/** Asks for the change and returns the token mailed to the new address. */
async function linkFor(user: TestUser, email: string) {
  expect((await change(user, email)).status).toBe(202);
  return tokenFrom(await smtp.next(email), '/confirm-email');
}

describe('changing the e-mail address', () => {
  it('mails the new address a link, tells the old one, and switches only on the link, once', async () => {
    const user = await account();
    const email = freshEmail();
    const asked = await change(user, email.toUpperCase());
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ ok: true, pendingEmail: email });

    const mail = await smtp.next(email);
    expect(mail.subject).toBe('Confirm your new e-mail address for spotlight.cam');
    expect(mail.text).toContain(`valid for ${EMAIL_CHANGE_TTL_HOURS} hours`);
    const token = tokenFrom(mail, '/confirm-email');
    const notice = await smtp.next(user.email);
    expect(notice.subject).toBe('Your spotlight.cam e-mail address is being changed');
    expect(notice.text).toContain(email);
    expect(notice.text).toContain(`${t.url}/forgot-password`);
    expect(notice.text).not.toContain(token);

    // Nothing has changed yet: the old address signs in, the new one does not.
    const me = await t.call(api.users.me, {}, { token: user.token });
    expect(me.body).toMatchObject({ email: user.email, pendingEmail: email });
    expectError(await login(email, user.password), 401, 'invalid_credentials');
    expect((await login(user.email, user.password)).status).toBe(200);
    // Only the hash is stored.
    const rows = await t.db
      .select()
      .from(accountTokens)
      .where(and(eq(accountTokens.userId, user.id), eq(accountTokens.kind, 'email_change')));
    expect(rows.map((row) => [row.tokenHash, row.email])).toEqual([[hashToken(token), email]]);

    const confirmed = await confirm(token);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ ok: true, email });
    expectError(await confirm(token), 400, 'invalid_token');

    const fresh = await login(email, user.password);
    expect(fresh.status).toBe(200);
    expect(fresh.body.user).toMatchObject({ email, emailVerified: true, pendingEmail: null });
    expectError(await login(user.email, user.password), 401, 'invalid_credentials');
    // The session that asked is still signed in, now with the new address.
    const after = await t.call(api.users.me, {}, { token: user.token });
    expect(after.body).toMatchObject({ email, pendingEmail: null });
  });

  it('refuses an expired link, and the account keeps its address', async () => {
    const user = await account();
    const email = freshEmail();
    const token = await linkFor(user, email);
    await t.db
      .update(accountTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(accountTokens.tokenHash, hashToken(token)));
    expectError(await confirm(token), 400, 'invalid_token');
    const me = await t.call(api.users.me, {}, { token: user.token });
    expect(me.body).toMatchObject({ email: user.email, pendingEmail: null });
    expectError(await login(email, user.password), 401, 'invalid_credentials');
  });

  it('refuses an address another account uses, when asked and when the link is opened', async () => {
    const user = await account();
    const other = await account();
    expectError(await change(user, other.email), 409, 'email_taken');

    // The address was free when asked, and taken before the link was opened.
    const email = freshEmail();
    const token = await linkFor(user, email);
    await t.registerUser({ email });
    expectError(await confirm(token), 409, 'email_taken');
    const me = await t.call(api.users.me, {}, { token: user.token });
    expect(me.body.email).toBe(user.email);
  });

  it('asks for the current password, and refuses the own address and a bad one', async () => {
    const user = await account();
    expectError(await change(user, freshEmail(), 'not my password'), 403, 'password_incorrect');
    expectError(await change(user, user.email), 400, 'validation_error');
    expectError(await change(user, 'not an address'), 400, 'validation_error');
    const anonymous = await t.call(api.auth.changeEmail, {
      body: { email: freshEmail(), password: user.password },
    });
    expectError(anonymous, 401, 'unauthorized');
    const me = await t.call(api.users.me, {}, { token: user.token });
    expect(me.body.pendingEmail).toBeNull();
  });

  it('voids the link of an earlier request, and a password reset voids a pending change', async () => {
    const user = await account();
    const first = freshEmail();
    const firstToken = await linkFor(user, first);
    await smtp.next(user.email); // the notice
    const second = freshEmail();
    const secondToken = await linkFor(user, second);
    await smtp.next(user.email);
    expectError(await confirm(firstToken), 400, 'invalid_token');

    await t.call(api.auth.passwordReset, { body: { email: user.email } });
    const reset = tokenFrom(await smtp.next(user.email), '/reset-password');
    const password = 'the owner is back in control';
    const done = await t.call(api.auth.passwordResetConfirm, { body: { token: reset, password } });
    expect(done.status).toBe(200);
    expectError(await confirm(secondToken), 400, 'invalid_token');
    expect((await login(user.email, password)).status).toBe(200);
  });

  it('voids links mailed to the old address once the new one is confirmed', async () => {
    const user = await account();
    await t.call(api.auth.passwordReset, { body: { email: user.email } });
    const reset = tokenFrom(await smtp.next(user.email), '/reset-password');
    const email = freshEmail();
    expect((await confirm(await linkFor(user, email))).status).toBe(200);
    const late = await t.call(api.auth.passwordResetConfirm, {
      body: { token: reset, password: 'someone reading the old mailbox' },
    });
    expectError(late, 400, 'invalid_token');
  });

  it('limits requests per account like the other mails', async () => {
    const user = await account();
    const statuses: number[] = [];
    for (let i = 0; i <= ACCOUNT_MAILS_PER_ACCOUNT_PER_HOUR; i++) {
      statuses.push((await change(user, freshEmail())).status);
    }
    expect(statuses).toEqual([...Array(ACCOUNT_MAILS_PER_ACCOUNT_PER_HOUR).fill(202), 429]);
  });

  it('keeps the token hashes out of the data export', async () => {
    const user = await account();
    const email = freshEmail();
    const token = await linkFor(user, email);
    const exported = await t.call(api.users.exportMe, {}, { token: user.token });
    expect(exported.status).toBe(200);
    const text = JSON.stringify(exported.body);
    expect(text).not.toContain(hashToken(token));
    expect(text).not.toContain(token);
    expect(text).not.toMatch(/token_?hash/i);
    // The pending address is the user's own data, and is in it.
    expect(exported.body.tables['account_tokens']).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'email_change', email })]),
    );
  });
});
