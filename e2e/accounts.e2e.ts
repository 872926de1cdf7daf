/**
 * Accounts a real service needs, through the UI: "Forgot password?" → the mail (an .eml file
 * in the server's DATA_DIR/mail, as `npm start` writes without SMTP_URL) → a new password →
 * sign in; the verification link from the registration mail; a new e-mail address, switched
 * only by the link mailed to it; a profile photo from the
 * phone, shown on the public profile, stored without its EXIF (GPS included); and her data:
 * the download, then the deletion of the account.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../backend/test/harness';
import { launchChromium, phoneContext, startApp, WAIT } from './support/app';
import { buildDancer, register } from './support/flows';

/** Every mail the server wrote so far, parsed. */
async function mails(t: TestServer): Promise<ParsedMail[]> {
  const dir = path.join(t.config.DATA_DIR, 'mail');
  const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(files.map(async (f) => simpleParser(await readFile(path.join(dir, f)))));
}

/** The link of the newest mail to `to` whose subject matches; waits for it to be written. */
async function linkFrom(t: TestServer, to: string, subject: RegExp): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const mail = (await mails(t))
          .filter((m) => subject.test(m.subject ?? '') && JSON.stringify(m.to).includes(to))
          .at(-1);
        link = /https?:\/\/\S+\?token=[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0];
        return link;
      },
      { timeout: WAIT },
    )
    .toBeTruthy();
  return link!;
}

describe('accounts', () => {
  let t: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const dancer = buildDancer('Rosa');

  beforeAll(async () => {
    t = await startApp();
    browser = await launchChromium();
    context = await phoneContext(browser, t.url);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  it('verifies the e-mail address from the registration mail', async () => {
    await register(page, dancer);
    await page.getByText('Please confirm your e-mail address').waitFor();
    const link = await linkFrom(t, dancer.email, /confirm/i);
    expect(link.startsWith(`${t.url}/verify-email?token=`)).toBe(true);
    await page.goto(link);
    await page.getByText('your e-mail address is confirmed').waitFor();
    await page.getByRole('link', { name: 'Go to the app' }).click();
    await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
    expect(await page.getByText('Please confirm your e-mail address').count()).toBe(0);
  });

  it('resets a forgotten password from the sign-in page, then signs in with it', async () => {
    await page.goto('/profile');
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByLabel('Email').fill(dancer.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('a link to reset its password is on its way').waitFor();

    const link = await linkFrom(t, dancer.email, /reset/i);
    expect(link.startsWith(`${t.url}/reset-password?token=`)).toBe(true);
    const password = 'a new passphrase for Rosa';
    await page.goto(link);
    await page.getByLabel('New password').fill(password);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('Your password is changed').waitFor();

    // The link works once.
    await page.goto(link);
    await page.getByLabel('New password').fill('yet another passphrase');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('already used').waitFor();

    await page.goto('/login');
    await page.getByLabel('Email').fill(dancer.email);
    await page.getByLabel('Password').fill(dancer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong email or password').waitFor();
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
  });

  it('changes her e-mail address: the link mailed there switches it, and she signs in with it', async () => {
    const password = 'a new passphrase for Rosa';
    const newEmail = `new.${dancer.email}`;
    await page.goto('/profile');
    const section = page.getByRole('region', { name: 'E-mail address' });
    await section.getByText(`You sign in with ${dancer.email} (confirmed).`).waitFor();
    await section.getByRole('button', { name: 'Change e-mail address' }).click();
    await section.getByLabel('New e-mail address').fill(newEmail);
    await section.getByLabel('Your password').fill('not my password');
    await section.getByRole('button', { name: 'Send the link' }).click();
    await section.getByText('That is not your password').waitFor();
    await section.getByLabel('Your password').fill(password);
    await section.getByRole('button', { name: 'Send the link' }).click();
    await section.getByText(`Waiting for ${newEmail}`).waitFor();
    // The old address hears of it; nothing changes until the new one's link is opened.
    await expect
      .poll(
        async () =>
          (await mails(t)).find(
            (m) =>
              /being changed/.test(m.subject ?? '') && JSON.stringify(m.to).includes(dancer.email),
          )?.text,
        { timeout: WAIT },
      )
      .toContain(newEmail);
    const link = await linkFrom(t, newEmail, /new e-mail address/i);
    expect(link.startsWith(`${t.url}/confirm-email?token=`)).toBe(true);
    await page.reload();
    await section.getByText(`You sign in with ${dancer.email}`).waitFor();

    await page.goto(link);
    await page.getByText(`you sign in with ${newEmail} from now on`).waitFor();
    await page.getByRole('link', { name: 'Go to the app' }).click();
    await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
    await page.goto('/profile');
    await section.getByText(`You sign in with ${newEmail} (confirmed).`).waitFor();
    expect(await section.getByText('Waiting for').count()).toBe(0);

    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await page.getByLabel('Email').fill(dancer.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong email or password').waitFor();
    await page.getByLabel('Email').fill(newEmail);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Back where she signed out.
    await section.getByText(`You sign in with ${newEmail} (confirmed).`).waitFor();
    dancer.email = newEmail;
  });

  it('uploads a photo from the phone, shown on the public profile without its EXIF', async () => {
    const photo = await sharp({
      create: { width: 1600, height: 1200, channels: 3, background: '#7c3aed' },
    })
      .jpeg()
      .withExif({
        IFD0: { Make: 'RosaPhone' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 13/1 46/1' },
      })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif?.toString('latin1')).toContain('RosaPhone');

    await page.goto('/profile');
    await page.getByTestId('avatar-file').setInputFiles({
      name: 'IMG_0001.jpg',
      mimeType: 'image/jpeg',
      buffer: photo,
    });
    const uploaded = page.locator('img[src*="/api/uploads/avatars/"]').first();
    await uploaded.waitFor();

    await page.getByRole('link', { name: 'See your public profile' }).click();
    const shown = page.locator('main img[src*="/api/uploads/avatars/"]').first();
    await shown.waitFor();
    const src = (await shown.getAttribute('src'))!;
    const loaded = await shown.evaluate(
      (img: HTMLImageElement) => img.complete && img.naturalWidth,
    );
    expect(loaded).toBeGreaterThan(0);

    const stored = await readFile(
      path.join(t.config.UPLOADS_DIR, 'avatars', path.basename(new URL(src).pathname)),
    );
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 512, height: 512 });
    expect(meta.exif).toBeUndefined();
    expect(stored.toString('latin1')).not.toContain('RosaPhone');
  });

  it('adds her Instagram to the profile (a YouTube link there is refused), shown on the public profile', async () => {
    await page.goto('/profile');
    const instagram = page.getByLabel('Instagram');
    await instagram.fill('https://youtube.com/@rosa');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('A link to your Instagram profile, like', { exact: false }).waitFor();
    await instagram.fill('https://instagram.com/rosa.wcs');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Profile saved.').waitFor();
    await page.getByRole('link', { name: 'See your public profile' }).click();
    const link = page
      .getByRole('list', { name: 'Social links' })
      .getByRole('link', { name: 'Instagram' });
    expect(await link.getAttribute('href')).toBe('https://instagram.com/rosa.wcs');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('downloads her data, then deletes the account with her password and cannot sign in again', async () => {
    const password = 'a new passphrase for Rosa';
    await page.goto('/profile');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my data' }).click(),
    ]);
    const data = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
      account: { email: string };
      tables: Record<string, unknown[]>;
    };
    expect(data.account.email).toBe(dancer.email);
    expect(Object.keys(data.tables)).toContain('sessions');
    // No secret: no hash column, and not the session cookie's token.
    const rows = [data.account, ...Object.values(data.tables).flat()] as object[];
    expect(rows.flatMap((row) => Object.keys(row)).filter((key) => /hash/i.test(key))).toEqual([]);
    const session = (await context.cookies()).find((c) => c.name === 'spotlight_session')!;
    expect(JSON.stringify(data)).not.toContain(session.value);

    await page.getByRole('button', { name: 'Delete my account' }).click();
    const confirm = page.getByRole('form', { name: 'Delete your account for good?' });
    await confirm.getByLabel('Your password').fill('not my password');
    await confirm.getByRole('button', { name: 'Delete for good' }).click();
    await confirm.getByText('That is not your password').waitFor();
    await confirm.getByLabel('Your password').fill(password);
    await confirm.getByRole('button', { name: 'Delete for good' }).click();
    await page.getByText('Your account is deleted').waitFor();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();

    await page.getByLabel('Email').fill(dancer.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong email or password').waitFor();
    // The privacy page says what was kept, for anyone.
    await page.getByRole('link', { name: 'Privacy' }).click();
    await page.getByText('Videos never touch our server.').waitFor();
  });
});
