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

describe('the page', () => {
  it('loads with its title and no errors', async () => {
    const { context, page, errors } = await openPage(browser);
    await expect(page.title()).resolves.toContain('Collapse Lab');
    await page.getByRole('heading', { name: 'Collapse Lab' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens on the seed race ready to play, with one pane per thread', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.getByRole('heading', { name: 'Threads' }).waitFor();
    // The panes' contents mount just after the first commit: wait for them rather than look once.
    await page.getByRole('region', { name: 'Thread T0 collapse' }).waitFor();
    await page.getByRole('region', { name: 'Thread T1 seek_data:0' }).waitFor();
    await page.getByTestId('step-thread-0').waitFor();
    await expect(page.getByTestId('step-thread-0').isEnabled()).resolves.toBe(true);
    await expect(page.getByTestId('race-forward').textContent()).resolves.toContain('recorded');
    expect(errors).toEqual([]);
    await context.close();
  });
});
