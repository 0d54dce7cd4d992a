// Animation on (the one spec with reducedMotion 'no-preference') and off: effects are drawn only with
// motion allowed, always clean themselves up, and never change the end state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

// Strings run in the page (this tsconfig has no DOM types).
const grid = (page: Page) =>
  page.evaluate<string>(
    `[...document.querySelectorAll('[data-testid="main-grid"] [data-slot]')]
      .map((s) => s.className + '|' + s.getAttribute('aria-label')).join(';')`,
  );
const effects = (page: Page) =>
  page.evaluate<number>(`document.querySelectorAll('[data-testid="main-fx"] .fx').length`);

describe('motion', () => {
  it('with animation on, steps draw transient effects that leave the same end state', async () => {
    const { context, page, errors } = await openPage(browser, '', { reducedMotion: 'no-preference' });
    const still = await openPage(browser, '', { reducedMotion: 'reduce' });
    // Give the lazily loaded effects module time to arrive.
    await page.locator('[data-testid="main-fx"] .fx-root').waitFor({ state: 'attached' });
    const drawn: number[] = [];
    for (let k = 0; k < 14; k++) {
      await page.getByTestId('race-forward').click();
      drawn.push(await effects(page));
      await still.page.getByTestId('race-forward').click();
    }
    const animated = drawn.reduce((last, n, k) => (n > 0 ? k : last), -1);
    expect(animated).toBeGreaterThanOrEqual(0);
    // The effects remove themselves once played (the page's CSP forbids string predicates, so poll).
    for (let k = 0; k < 50 && (await effects(page)) > 0; k++) await page.waitForTimeout(100);
    expect(await effects(page)).toBe(0);
    expect(await grid(page)).toBe(await grid(still.page));
    await page.getByTestId('main-violation-seek').waitFor();
    // The user's switch turns it off even when the OS allows motion: the same step that drew effects
    // above draws none now.
    await page.getByTestId('motion').uncheck();
    await page.getByLabel('go to step').fill(String(animated));
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    await page.getByTestId('race-forward').click();
    await expect(page.getByTestId('race-step').textContent()).resolves.toMatch(
      new RegExp(`^step ${animated + 1} of`),
    );
    expect(await effects(page)).toBe(0);
    expect(errors).toEqual([]);
    expect(still.errors).toEqual([]);
    await still.context.close();
    await context.close();
  });

  it('with reduced motion, nothing animates and the end state appears at once', async () => {
    const { context, page, errors } = await openPage(browser, '', { reducedMotion: 'reduce' });
    for (let k = 0; k < 9; k++) {
      await page.getByTestId('race-forward').click();
      expect(await effects(page)).toBe(0);
    }
    await expect(page.getByTestId('slot-0').getAttribute('aria-label')).resolves.toContain(
      'huge page folio 4',
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
