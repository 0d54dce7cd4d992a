// The seed race by hand: on v6.3 SEEK_DATA(0) returns ENXIO over four pages of data; on v6.4 it does not.
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

/** The recorded seed schedule, then round-robin: T0 scan, T1 find. */
const BY_HAND = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1];

async function stepByHand(page: Page, schedule: readonly number[]) {
  for (const t of schedule) await page.getByTestId(`step-thread-${t}`).click();
}

describe('the seed race', () => {
  it('opens ready to play: v6.3, PPPP, collapse and seek_data:0, 34 recorded steps at step 0', async () => {
    const { context, page, errors } = await openPage(browser);
    await expect(page.getByTestId('kernel-select').inputValue()).resolves.toBe('v6.3');
    await expect(page.getByTestId('slots-input').inputValue()).resolves.toBe('PPPP');
    await expect(page.getByTestId('threads-input').inputValue()).resolves.toBe('collapse,seek_data:0');
    await expect(page.getByTestId('timeline').getAttribute('aria-label')).resolves.toBe(
      'Timeline, at step 0 of 34',
    );
    await expect(page.getByTestId('main-grid').getByRole('listitem').count()).resolves.toBe(4);
    await page.getByTestId('main-no-violations').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('stepping threads by hand on v6.3 reproduces the SEEK race and shows the seek violation', async () => {
    const { context, page, errors } = await openPage(browser);
    await stepByHand(page, BY_HAND);
    await expect(page.getByTestId('main-result-1').textContent()).resolves.toContain('returned ENXIO');
    const seek = page.getByTestId('main-violation-seek');
    await expect(seek.textContent()).resolves.toMatch(/SEEK_DATA\(0\) returned ENXIO.*Broken by step 14/);
    await expect(page.getByTestId('chip-13').getAttribute('aria-label')).resolves.toContain(
      'an invariant broke here',
    );
    await expect(page.getByTestId('announcer').textContent()).resolves.toContain(
      'Step 14: T1 find_get_entry',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the same schedule on v6.4 breaks no invariant and SEEK_DATA finds the data', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.getByTestId('kernel-select').selectOption('v6.4');
    // The schedule carries over to the new kernel; drop it and step by hand.
    await page.getByRole('button', { name: 'Fork here' }).click();
    await stepByHand(page, BY_HAND.slice(0, 12));
    await page.getByRole('button', { name: 'Finish round-robin' }).click();
    await expect(page.getByTestId('main-result-1').textContent()).resolves.toContain('returned 0');
    await expect(page.getByTestId('main-result-0').textContent()).resolves.toContain('SCAN_SUCCEED');
    await page.getByTestId('main-no-violations').waitFor();
    await expect(page.getByTestId('main-huge-caption').textContent()).resolves.toContain('every slot');
    expect(errors).toEqual([]);
    await context.close();
  });
});
