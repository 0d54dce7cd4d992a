// A bad setup is explained inline, pointing at the bad character, and the last good state stays.
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

describe('setup', () => {
  it('rejects a bad slot string, points at the character and keeps the running state', async () => {
    const { context, page, errors } = await openPage(browser);
    for (let k = 0; k < 5; k++) await page.getByTestId('race-forward').click();
    const before = await page.getByTestId('main-grid-frame').innerHTML();
    await page.getByTestId('slots-input').fill('PPXP');
    await page.getByTestId('load-setup').click();
    const error = page.getByTestId('setup-error');
    await expect(error.textContent()).resolves.toContain('unexpected "X" at column 3');
    await expect(error.locator('mark').textContent()).resolves.toBe('X');
    await expect(page.getByTestId('slots-input').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await page.getByTestId('main-grid-frame').innerHTML()).toBe(before);
    await expect(page.getByTestId('timeline').getAttribute('aria-label')).resolves.toBe(
      'Timeline, at step 5 of 34',
    );
    // Fixing it loads the new setup and clears the error.
    await page.getByTestId('slots-input').fill('PP.P');
    await page.getByTestId('slots-input').press('Enter');
    await expect(page.getByTestId('setup-error').count()).resolves.toBe(0);
    await expect(page.getByTestId('slot-2').getAttribute('aria-label')).resolves.toBe('slot 2: a hole');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('per-slot and per-thread controls edit the setup', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.getByText('Edit slots and threads').click();
    await page.getByTestId('slot-kind-1').selectOption('S');
    await expect(page.getByTestId('slots-input').inputValue()).resolves.toBe('PSPP');
    await expect(page.getByTestId('slot-1').getAttribute('aria-label')).resolves.toBe('slot 1: a swap entry');
    await page.getByRole('button', { name: '+ thread' }).click();
    await expect(page.getByTestId('threads-input').inputValue()).resolves.toBe(
      'collapse,seek_data:0,mincore',
    );
    await page.getByLabel('T1 offset').fill('9');
    await expect(page.getByTestId('setup-error').textContent()).resolves.toContain(
      'offset must be from 0 to 4',
    );
    await page.getByTestId('thread-2').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('loads a setup from the URL, and explains bad URL values without running them', async () => {
    const good = await openPage(browser, '?kernel=v6.4&slots=PP.S&threads=collapse,mincore');
    await expect(good.page.getByTestId('kernel-select').inputValue()).resolves.toBe('v6.4');
    await expect(good.page.getByTestId('slot-3').getAttribute('aria-label')).resolves.toBe(
      'slot 3: a swap entry',
    );
    expect(good.errors).toEqual([]);
    await good.context.close();
    const bad = await openPage(browser, '?kernel=v6.4&slots=PP<script>&threads=collapse');
    await expect(bad.page.getByTestId('setup-error').textContent()).resolves.toContain('unexpected "<"');
    await expect(bad.page.getByTestId('slots-input').inputValue()).resolves.toBe('PPPP');
    expect(bad.errors).toEqual([]);
    await bad.context.close();
  });
});
