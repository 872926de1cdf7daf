/**
 * Lighthouse's mobile profile (its default: a mid-range phone on slow 4G, simulated) on the
 * built app, signed out on the first screen and signed in on the events list. The reports are
 * kept under artifacts/lighthouse/ (HTML and JSON), and the figures are printed for the
 * README. Targets (issue 17): performance ≥ 90, accessibility ≥ 95, best practices ≥ 95.
 *
 * Accessibility and best practices are asserted (neither depends on timing). Performance (70–80
 * on a quiet machine, lower on a busy one: the bundle's boot blocks the simulated phone's main
 * thread) is below its target and printed, not asserted, until the work that meets it lands
 * (issue 17 part 4); a timed score would also be flaky on a shared machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { api } from '@spotlight/contracts';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieFrom } from '../backend/test/helpers';
import type { TestServer } from '../backend/test/harness';
import { root } from '../scripts/frontend-build.mjs';
import { startApp } from './support/app';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './support/chromium';

const REPORTS = path.join(root, 'artifacts', 'lighthouse');
const TARGETS = { performance: 0.9, accessibility: 0.95, 'best-practices': 0.95 } as const;
type Category = keyof typeof TARGETS;
const ASSERTED: Category[] = ['accessibility', 'best-practices'];

let app: TestServer;
let chrome: chromeLauncher.LaunchedChrome;

beforeAll(async () => {
  app = await startApp();
  mkdirSync(REPORTS, { recursive: true });
  chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_FLAGS,
  });
});

afterAll(async () => {
  chrome?.kill();
  await app?.close();
});

/** Audits one page and keeps its report; answers the category scores, 0–1. */
async function audit(name: string, url: string, headers: Record<string, string> = {}) {
  const result = await lighthouse(
    url,
    {
      port: chrome.port,
      output: ['html', 'json'],
      logLevel: 'error',
      onlyCategories: Object.keys(TARGETS),
      extraHeaders: headers,
    },
    undefined,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const [html, json] = result.report as string[];
  writeFileSync(path.join(REPORTS, `${name}.html`), html ?? '');
  writeFileSync(path.join(REPORTS, `${name}.json`), json ?? '');
  const scores = Object.fromEntries(
    (Object.keys(TARGETS) as Category[]).map((key) => [key, result.lhr.categories[key]?.score]),
  ) as Record<Category, number | null | undefined>;
  const failing = Object.values(result.lhr.audits)
    .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
    .map((a) => `${a.id} ${a.score}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  console.log(
    `lighthouse ${name}: ${Object.entries(scores)
      .map(([key, score]) => `${key} ${Math.round((score ?? 0) * 100)}`)
      .join(', ')}; below 90: ${failing.join('; ') || 'none'}`,
  );
  return scores;
}

function expectTargets(scores: Record<Category, number | null | undefined>) {
  for (const key of Object.keys(TARGETS) as Category[]) {
    // Every category was measured, asserted or not.
    expect({ category: key, score: scores[key] }).toEqual({
      category: key,
      score: expect.any(Number),
    });
  }
  for (const key of ASSERTED) expect(scores[key], key).toBeGreaterThanOrEqual(TARGETS[key]);
}

describe('Lighthouse, mobile profile, on the built app', () => {
  it('the first screen, signed out', async () => {
    expectTargets(await audit('login', `${app.url}/login`));
  });

  it('the events list, signed in', async () => {
    const user = await app.registerUser();
    await app.createEvent({ name: 'Warsaw Halloween Swing' });
    const login = await app.call(api.auth.login, {
      body: { email: user.email, password: user.password },
    });
    const cookie = cookieFrom(login);
    expectTargets(await audit('events', `${app.url}/events`, { Cookie: cookie }));
  });
});
