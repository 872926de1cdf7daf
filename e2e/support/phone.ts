/**
 * A dancer's phone in the e2e suites: a 360 px browser context with one page that records its
 * errors, the screenshot switch the journey steps take, and the journey's shared state and events.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { phoneContext, screenshot, watchErrors } from './app';
import { buildDancer, type Dancer } from './flows';

export interface Phone {
  context: BrowserContext;
  page: Page;
  dancer: Dancer;
  errors: string[];
}

/** Saves a documentation screenshot, or does nothing (runs other than journey.e2e.ts). */
export type Shot = (page: Page, name: string, options?: { keepToasts?: boolean }) => Promise<void>;

export const takeScreenshots: Shot = (page, name, options) => screenshot(page, name, options);
export const noScreenshots: Shot = async () => {};

export interface Journey {
  a: Phone;
  b: Phone;
  eventId: number;
  /** Set by `matchAndAccept`. */
  matchId: number;
  shot: Shot;
}

export const EVENT_NAME = 'Warsaw Halloween Swing';

/** The events the journey needs; fixed dates far ahead, upcoming whenever the suite runs. */
export const JOURNEY_EVENTS = [
  {
    name: EVENT_NAME,
    location: 'Warsaw, Poland',
    startDate: '2030-10-31',
    endDate: '2030-11-03',
    description: 'Three days of West Coast Swing: Jack & Jill, Strictly, and social dancing.',
  },
  {
    name: 'Budapest Swing Fling',
    location: 'Budapest, Hungary',
    startDate: '2030-12-05',
    endDate: '2030-12-07',
  },
] as const;

/** A phone (browser context) with a page that records its errors, for dancer `name`. */
export async function newPhone(browser: Browser, baseURL: string, name: string): Promise<Phone> {
  const context = await phoneContext(browser, baseURL);
  const page = await context.newPage();
  const errors: string[] = [];
  watchErrors(page, errors);
  return { context, page, dancer: buildDancer(name), errors };
}

/** Page errors other than the 4xx answers the UI handles (401 before login, 404s). */
export const unexpectedErrors = (phone: Phone) =>
  phone.errors.filter((e) => !/status of 4\d\d/.test(e));

/** The signed-in user's id, as the page's own session sees it. */
export async function userId(phone: Phone): Promise<number> {
  return phone.page.evaluate(async () => {
    const response = await fetch('/api/users/me');
    return ((await response.json()) as { id: number }).id;
  });
}
