// Keyboard-only use: digits step threads, arrows and z/y move in time, focus is visible, the grid and the
// timeline are reachable with Tab and work with their keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage } from './browser.ts';
import { poll } from './session.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const at = (label: string | null) => Number(label?.match(/at step (\d+)/)?.[1] ?? NaN);

describe('keyboard', () => {
  it('plays the seed race with keys only', async () => {
    const { context, page, errors } = await openPage(browser);
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    for (const key of [
      '1',
      '1',
      '1',
      '1',
      '1',
      '1',
      '1',
      '1',
      '1',
      '2',
      '2',
      '2',
      'ArrowRight',
      'ArrowRight',
    ])
      await page.keyboard.press(key);
    await expect(timeline.getAttribute('aria-label').then(at)).resolves.toBe(14);
    await page.getByTestId('main-violation-seek').waitFor();
    await page.keyboard.press('z');
    await page.keyboard.press('ArrowLeft');
    await expect(timeline.getAttribute('aria-label').then(at)).resolves.toBe(12);
    await page.keyboard.press('y');
    await expect(timeline.getAttribute('aria-label').then(at)).resolves.toBe(13);
    // A blocked or finished thread's key is refused with a reason, not an error.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('2');
    await expect(page.getByTestId('notice').textContent()).resolves.toMatch(/finished/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reaches the grid and the timeline with Tab, with a visible focus ring', async () => {
    const { context, page, errors } = await openPage(browser);
    let found = { grid: false, timeline: false, outline: '' };
    for (let k = 0; k < 80 && !(found.grid && found.timeline); k++) {
      await page.keyboard.press('Tab');
      // A string runs in the page (this tsconfig has no DOM types).
      const info = await page.evaluate<{ slot: string | null; timeline: boolean; outline: string }>(`(() => {
        const el = document.activeElement;
        return {
          slot: el?.getAttribute('data-slot') ?? null,
          timeline: el?.getAttribute('data-testid') === 'timeline',
          outline: el ? getComputedStyle(el).outlineStyle : '',
        };
      })()`);
      if (info.slot !== null) {
        found = { ...found, grid: true, outline: info.outline };
        // At once, before the grid has re-rendered for the focus: the arrow moves from the focused slot.
        await page.keyboard.press('ArrowRight');
        await poll(
          page,
          () => page.evaluate<boolean>(`document.activeElement?.getAttribute('data-slot') === '1'`),
          'the focus on slot 1',
        );
        // And it rests there once the grid has rendered the move (two frames later).
        await expect(
          page.evaluate(
            `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(document.activeElement?.getAttribute('data-slot')))))`,
          ),
        ).resolves.toBe('1');
        await expect(page.getByTestId('main-slot-tooltip').textContent()).resolves.toContain(
          'holders: cache (outside)',
        );
      }
      if (info.timeline) {
        found = { ...found, timeline: true };
        await page.keyboard.press('End');
        await expect(page.getByTestId('timeline').getAttribute('aria-label')).resolves.toBe(
          'Timeline, at step 34 of 34',
        );
        await page.keyboard.press('Home');
        await expect(page.getByTestId('timeline').getAttribute('aria-label')).resolves.toBe(
          'Timeline, at step 0 of 34',
        );
      }
    }
    expect(found.grid).toBe(true);
    expect(found.timeline).toBe(true);
    expect(found.outline).toBe('solid');
    expect(errors).toEqual([]);
    await context.close();
  });
});
