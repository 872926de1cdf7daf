/**
 * The two-dancer journey, step by step: register, join, chat in the event, match, chat
 * privately, complete, rate, see it in History. e2e/journey.e2e.ts runs it against one
 * backend (and takes the README's screenshots); e2e/cluster.e2e.ts runs the same steps
 * through nginx with the two dancers on different backend nodes.
 */
import { expect } from 'vitest';
import {
  deliveredMessage,
  joinEvent,
  openEventChat,
  register,
  sendMessage,
  showActiveUsers,
} from './flows';
import { EVENT_NAME, type Journey } from './phone';

export {
  EVENT_NAME,
  JOURNEY_EVENTS,
  newPhone,
  noScreenshots,
  takeScreenshots,
  unexpectedErrors,
  userId,
  type Journey,
  type Phone,
  type Shot,
} from './phone';
export { completeAndRate, historyAndProfile, thirdDancerShutOut } from './journey-end';

/** Both register; the form checks with the shared schema and shows the server's answer. */
export async function registerBoth({ a, b, shot }: Journey) {
  await a.page.goto('/login');
  await a.page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await shot(a.page, '01-login');

  // Inline validation from RegisterBody, before any request.
  await a.page.goto('/register');
  await a.page.getByLabel('Email').fill('not-an-email');
  await a.page.getByLabel('Username').fill('a');
  await a.page.getByLabel('Password').fill('password');
  await a.page.getByRole('button', { name: 'Create account' }).click();
  await a.page.getByText('Enter a valid email address').waitFor();
  await a.page.getByText('At least 3 characters').waitFor();
  await a.page.getByText('This password is too common; choose another one').waitFor();
  // Focus moves to the first invalid field, so a screen reader reads its error next.
  await a.page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'email');
  await shot(a.page, '02-register-validation');

  await register(a.page, a.dancer);

  // The server's own error, on its field: the email is taken.
  await b.page.goto('/register');
  await b.page.getByLabel('Email').fill(a.dancer.email);
  await b.page.getByLabel('Username').fill(b.dancer.username);
  await b.page.getByLabel('Password').fill(b.dancer.password);
  await b.page.getByRole('button', { name: 'Create account' }).click();
  await b.page.getByText('An account with this email already exists').waitFor();
  // Said once, under the field, which has focus so a screen reader reads it.
  await b.page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'email');
  await register(b.page, b.dancer);
}

/** Both join the event; the list marks it joined, and search narrows it. */
export async function joinBoth({ a, b, shot }: Journey) {
  await a.page.getByRole('link', { name: new RegExp(EVENT_NAME) }).waitFor();
  await a.page.getByRole('link', { name: /Budapest Swing Fling/ }).waitFor();
  await joinEvent(a.page, EVENT_NAME);
  await a.page.getByText('1 dancer', { exact: true }).waitFor();
  await joinEvent(b.page, EVENT_NAME);
  await b.page.getByText('2 dancers', { exact: true }).waitFor();
  await shot(b.page, '04-event-details');

  await a.page.goto('/events');
  const card = a.page.getByRole('link', { name: new RegExp(EVENT_NAME) });
  await card.getByText('Joined').waitFor();
  // Search narrows the list (debounced, through the URL).
  await a.page.getByRole('searchbox', { name: 'Search events' }).fill('budapest');
  await a.page.waitForURL(/q=budapest/);
  await a.page.getByRole('link', { name: new RegExp(EVENT_NAME) }).waitFor({ state: 'detached' });
  await a.page.getByRole('searchbox', { name: 'Search events' }).fill('');
  await a.page.getByRole('link', { name: new RegExp(EVENT_NAME) }).waitFor();
  await shot(a.page, '03-events');
}

/** They chat both ways in the event chat and see each other among active users. */
export async function chatInEvent({ a, b, eventId, shot }: Journey) {
  await openEventChat(a.page, eventId);
  await openEventChat(b.page, eventId);

  await sendMessage(a.page, 'Hi! Anyone filming the Novice J&J prelims?');
  await deliveredMessage(b.page, 'Anyone filming the Novice J&J prelims?').waitFor();
  await sendMessage(b.page, 'Me! I’m in heat 2, you?');
  await deliveredMessage(a.page, 'I’m in heat 2, you?').waitFor();

  for (const [me, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const panel = await showActiveUsers(me.page);
    await panel.getByRole('link', { name: other.dancer.username }).waitFor();
  }
  await shot(b.page, '06-event-chat-active-users');
  await b.page.getByRole('button', { name: /Here now/ }).click();
  await shot(b.page, '05-event-chat');
}

/** The message box counts characters against the 2,000 limit and refuses more. */
export async function chatLimits({ a }: Journey) {
  const box = a.page.getByRole('textbox', { name: 'Message', exact: true });
  await box.fill('x'.repeat(2001));
  await a.page.getByText('1 character over the 2,000 limit').waitFor();
  expect(await a.page.getByRole('button', { name: 'Send message' }).isDisabled()).toBe(true);
  await box.fill('x'.repeat(2000));
  await a.page.getByText('2,000 / 2,000').waitFor();
  expect(await a.page.getByRole('button', { name: 'Send message' }).isEnabled()).toBe(true);
  await box.fill('');
}

/** A message with markup reaches B as text, and runs no script. */
export async function markupStaysText({ a, b }: Journey) {
  const markup = '<img src=x onerror="window.__xss=1;document.title=\'pwned\'"> <b>bold?</b>';
  await sendMessage(a.page, markup);
  const shown = deliveredMessage(b.page, '<img src=x onerror=');
  await shown.waitFor();
  expect(await shown.textContent()).toContain(markup);
  expect(await b.page.locator('[role=log] img[src="x"], [role=log] b').count()).toBe(0);
  expect(await b.page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  expect(await b.page.title()).not.toBe('pwned');
}

/** A asks B to be the recording partner; B sees it arrive live and accepts. */
export async function matchAndAccept(journey: Journey) {
  const { a, b, shot } = journey;
  const panel = await showActiveUsers(a.page);
  await panel
    .getByRole('button', { name: `Request recording partner: ${b.dancer.username}` })
    .click();
  await a.page.waitForURL(/\/matches\/\d+$/);
  journey.matchId = Number(new URL(a.page.url()).pathname.split('/').pop());
  await a.page.getByText(`Waiting for ${b.dancer.username} to answer`).waitFor();

  // B is still in the event chat: the badge and a toast arrive without a reload.
  await b.page.getByRole('link', { name: /Matches\s*1 pending match request/ }).waitFor();
  const toast = b.page
    .getByRole('status')
    .filter({ hasText: 'asked you to be their recording partner' });
  await toast.waitFor();
  await shot(b.page, '07-match-request-toast', { keepToasts: true });
  await toast.getByRole('link', { name: 'View' }).click();
  await b.page.getByText(`${a.dancer.username} asked you to be their recording partner.`).waitFor();
  await shot(b.page, '08-match-pending');
  await b.page.getByRole('button', { name: 'Accept' }).click();
  await b.page.getByText('You’re partners.', { exact: false }).waitFor();

  // A's page follows live: the status and the chat open.
  await a.page.getByText('You’re partners.', { exact: false }).waitFor();
  await b.page
    .getByRole('link', { name: /Matches\s*1 pending match request/ })
    .waitFor({ state: 'detached' });
}

/** They chat privately, and a video link is sent as a safe link. */
export async function chatPrivately({ a, b, shot }: Journey) {
  const toA = `Message to ${a.dancer.username}`;
  const toB = `Message to ${b.dancer.username}`;
  await sendMessage(b.page, 'I’ll film your heat 3 from the left side.', toA);
  await deliveredMessage(a.page, 'heat 3 from the left side').waitFor();
  await sendMessage(a.page, 'Perfect, thank you!', toB);
  await deliveredMessage(b.page, 'Perfect, thank you!').waitFor();

  // The link fallback (the transfer panel's slot): http(s) only.
  await b.page.getByRole('button', { name: `Send a video to ${a.dancer.username}` }).click();
  const linkBox = b.page.getByLabel('Post a link instead');
  await linkBox.fill('javascript:alert(1)');
  await b.page.getByRole('button', { name: 'Send link' }).click();
  await b.page.getByText('Must be an http or https link').waitFor();
  const video = 'https://drive.google.com/file/d/heat3-ana/view';
  await linkBox.fill(video);
  await b.page.getByRole('button', { name: 'Send link' }).click();

  const link = a.page.getByRole('link', { name: video });
  await link.waitFor();
  expect(await link.getAttribute('href')).toBe(video);
  expect(await link.getAttribute('target')).toBe('_blank');
  expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
  await shot(a.page, '09-match-chat');

  // Away from the chat, a new message shows on the match in the list; opening it reads it.
  await a.page.goto('/history');
  await a.page.getByRole('heading', { name: 'Matches', level: 1 }).waitFor();
  await sendMessage(b.page, 'See you on the floor!', toA);
  const card = a.page.getByRole('link', { name: new RegExp(b.dancer.username) });
  await card.getByText('1 unread message').waitFor();
  await card.click();
  await deliveredMessage(a.page, 'See you on the floor!').waitFor();
  await a.page.goBack();
  await expect.poll(() => card.getByText(/unread message/).count()).toBe(0);
  await card.click();
  await deliveredMessage(a.page, 'See you on the floor!').waitFor();
}
