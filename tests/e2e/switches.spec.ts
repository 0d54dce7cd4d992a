// The kernel's switch panel: each decision with its commit, a flipped switch runs that kernel, and a
// combination the engine cannot run is explained inline while the last good kernel stays.
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

describe('kernel switches', () => {
  it('lists every switch with its commit, runs a flipped one and refuses a conflict', async () => {
    const { context, page, errors } = await openPage(
      browser,
      '?kernel=v6.4&slots=PPPP&threads=collapse,seek_data:0',
    );
    await page.getByTestId('switch-panel').locator('summary').click();
    const row = (name: string) => page.locator(`[data-switch="${name}"]`);
    await expect(row('drain-after-swapin').textContent()).resolves.toContain('efa3d814fad1');
    await expect(row('old-pages').textContent()).resolves.toContain('a2e17cc2efc7');
    await expect(row('undo-range-splits').textContent()).resolves.toContain('before the series');
    await page.getByTestId('switch-commit-order').selectOption('p3');
    await expect(page.getByTestId('kernel-string').textContent()).resolves.toBe('v6.4/commit-order=p3');
    await page.getByTestId('switch-old-pages').selectOption('freeze-replace');
    await expect(page.getByTestId('kernel-string').textContent()).resolves.toBe(
      'v6.4/commit-order=p3/old-pages=freeze-replace',
    );
    await expect(row('old-pages').getAttribute('class')).resolves.toBe('switched');
    await expect(page.getByTestId('kernel-select').inputValue()).resolves.toBe('v6.4');
    // A conflict: 4/4's rollback with the hole store of v6.3.
    await page.getByTestId('switch-holes-stay-empty').selectOption('off');
    await page.getByTestId('switch-old-pages').selectOption('count-keep');
    await expect(page.getByTestId('setup-error').textContent()).resolves.toContain(
      'holes-stay-empty=off needs old-pages=freeze-replace or old-pages=freeze-keep',
    );
    await expect(page.getByTestId('kernel-string').textContent()).resolves.toBe(
      'v6.4/commit-order=p3/holes-stay-empty=off/old-pages=freeze-replace',
    );
    await page.getByRole('button', { name: 'Back to v6.4' }).click();
    await expect(page.getByTestId('kernel-string').textContent()).resolves.toBe('v6.4');
    await expect(page.getByTestId('setup-error').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a custom kernel from the address, and explains a bad one', async () => {
    const kernel = encodeURIComponent('v6.4/old-pages=freeze-keep');
    const good = await openPage(browser, `?kernel=${kernel}&slots=PP&threads=collapse,read:0`);
    await good.page.getByTestId('switch-panel').locator('summary').click();
    await expect(good.page.getByTestId('kernel-string').textContent()).resolves.toBe(
      'v6.4/old-pages=freeze-keep',
    );
    await expect(good.page.getByTestId('switch-old-pages').inputValue()).resolves.toBe('freeze-keep');
    expect(good.errors).toEqual([]);
    await good.context.close();
    const bad = await openPage(
      browser,
      `?kernel=${encodeURIComponent('v6.4/old-page=freeze-keep')}&slots=PP&threads=collapse`,
    );
    await expect(bad.page.getByTestId('setup-error').textContent()).resolves.toContain(
      'unknown switch "old-page" (did you mean old-pages?)',
    );
    expect(bad.errors).toEqual([]);
    await bad.context.close();
  });
});
