/**
 * Accessibility as axe-core (through @axe-core/playwright) finds it on the page as it is now:
 * WCAG 2.1 A and AA rules, in the theme the page shows. Only serious and critical violations
 * fail a test; each comes back as one line naming the rule and the elements.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const THEMES = ['light', 'dark'] as const;

export async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map(
            (n) =>
              `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.split('\n').slice(1).join(' ').trim()}]` : ''}`,
          )
          .join('; ')}`,
    );
}

/**
 * Waits for the colour transitions a theme change starts (buttons fade for 150 ms): axe
 * reading a colour halfway between the themes reports a contrast no one sees for long.
 * Only CSS transitions: a spinner's animation never finishes.
 */
async function settleTransitions(page: Page) {
  await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const running = document.getAnimations().filter((a) => a instanceof CSSTransition);
    await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
  });
}

/** axe on the page in each theme (the system preference, as a phone would set it). */
export async function axeInBothThemes(page: Page, where: string): Promise<string[]> {
  const problems: string[] = [];
  for (const colorScheme of THEMES) {
    await page.emulateMedia({ colorScheme });
    await settleTransitions(page);
    problems.push(...(await axeProblems(page)).map((p) => `${where} (${colorScheme}): ${p}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return problems;
}
