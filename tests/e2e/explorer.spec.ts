// The explorer panel: every interleaving of the seed setup checked in a worker, the SEEK race found on
// v6.3 and loaded as the replay on screen (alone, then beside v6.4); a long check can be cancelled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('explorer panel', () => {
  it('finds the SEEK race on v6.3 and loads it as a replay', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.getByTestId('explorer-run').click();
    await page.getByTestId('explorer-done').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('explorer-summary').textContent()).resolves.toMatch(/^Complete\./);
    const seek = page.getByTestId('verdict-seek');
    await expect(seek.textContent()).resolves.toMatch(/broken.*shortest schedule of 13 steps.*ENXIO/);
    await expect(page.getByTestId('verdict-data').textContent()).resolves.toContain(
      'holds in every interleaving',
    );
    await expect(page.getByTestId('explorer-results').textContent()).resolves.toContain('T1: 0 or ENXIO');

    await page.getByTestId('load-seek').click();
    await expect(page.getByTestId('race-step').textContent()).resolves.toBe('step 13 of 13');
    await page.getByTestId('main-violation-seek').waitFor();
    await expect(page.getByTestId('main-result-1').textContent()).resolves.toContain('returned ENXIO');
    await expect(page.getByTestId('compare-pane').count()).resolves.toBe(0);

    await page.getByTestId('compare-seek').click();
    await expect(page.getByTestId('compare-select').inputValue()).resolves.toBe('v6.4');
    await page.getByTestId('compare-pane').waitFor();
    await expect(page.getByTestId('divergence').textContent()).resolves.toMatch(/First difference, step/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows progress and stops on cancel with what it found so far', async () => {
    const { context, page, errors } = await openPage(
      browser,
      '?kernel=v6.3&slots=PPPPPPPP&threads=collapse,seek_data:0,mincore',
    );
    await page.getByTestId('explorer-run').click();
    const progress = page.getByTestId('explorer-progress');
    await progress.getByText(/states\/s/).waitFor({ timeout: 20_000 });
    await expect(progress.locator('progress').getAttribute('max')).resolves.toBe('1000000');
    await page.getByTestId('explorer-cancel').click();
    await page.getByTestId('explorer-done').waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('explorer-summary').textContent()).resolves.toMatch(
      /^Not complete\..*cancel/,
    );
    await expect(page.getByTestId('verdict-data').textContent()).resolves.toContain('did not finish');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a bad state limit', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.getByTestId('explorer-limit').fill('lots');
    await expect(page.getByTestId('explorer-run').isDisabled()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
