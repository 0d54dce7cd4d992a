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
});
