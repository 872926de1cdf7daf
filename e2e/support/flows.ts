/** What a dancer does in the app, step by step, through the UI only. */
import type { Page } from 'playwright-core';

export interface Dancer {
  email: string;
  username: string;
  password: string;
}

/**
 * A dancer with a fixed name: each test file has a fresh database, so names need no random
 * suffix, and the screenshots come out the same on every run.
 */
export function buildDancer(name: string): Dancer {
  return {
    email: `${name.toLowerCase()}@example.test`,
    username: name,
    password: `swing out with ${name} tonight`,
  };
}

export async function register(page: Page, dancer: Dancer) {
  await page.goto('/register');
  await page.getByLabel('Email').fill(dancer.email);
  await page.getByLabel('Username').fill(dancer.username);
  await page.getByLabel('Password').fill(dancer.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
}

export async function joinEvent(page: Page, eventName: string) {
  await page.goto('/events');
  await page.getByRole('link', { name: new RegExp(eventName) }).click();
  await page.getByRole('heading', { name: eventName, level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Join event' }).click();
  await page.getByText('You’ve joined this event').waitFor();
}

export async function openEventChat(page: Page, eventId: number) {
  await page.goto(`/events/${eventId}/chat`);
  await page.getByRole('log', { name: 'Event chat messages' }).waitFor();
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
}

/** Types and sends a chat message with the keyboard (Enter). */
export async function sendMessage(page: Page, text: string, box = 'Message') {
  const input = page.getByRole('textbox', { name: box, exact: true });
  await input.fill(text);
  await input.press('Enter');
}

/** A message as delivered (in the log, not pending) — its exact text. */
export function deliveredMessage(page: Page, text: string) {
  return page.locator('li:not([data-pending])').filter({ hasText: text });
}

/** Opens the "Here now" panel of the event chat (if it is closed). */
export async function showActiveUsers(page: Page) {
  const toggle = page.getByRole('button', { name: /Here now/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return page.getByRole('region', { name: 'Dancers here now' });
}
