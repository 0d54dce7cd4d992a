// The xarray beneath the slots (`|xa` setups): the tenth recorded race draws the tree, its sibling and
// retry entries and the walker's position; at the climb the move to the parent is drawn; the share
// dialog says why no link can be made yet; and the page is screenshotted at desktop and phone sizes.
// The tree's code is not in the main bundle: a `|xa` setup from the address or the library waits for it.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const SHOTS = process.env['XARRAY_SHOTS'];

async function goTo(page: Page, step: number): Promise<void> {
  await page.getByTestId('load-race-xarray-seek-hole').click();
  for (let k = 0; k < step; k++) await page.getByTestId('race-forward').click();
  await expect(page.getByTestId('race-step').textContent()).resolves.toMatch(new RegExp(`^step ${step} of `));
}

describe('the xarray tree on the page', () => {
  it('draws the tree, the sibling and retry entries, the walker and its climb', async () => {
    const { context, page, errors } = await openPage(browser);
    await goTo(page, 68); // model 3: the pre-check walks the 8 slots in 10 steps first
    const tree = page.getByTestId('main-xarray');
    await tree.waitFor();
    await expect(tree.textContent()).resolves.toMatch(/nodes of 4 slots/);
    // Upper slot 1 is a sibling of slot 0; the old leaf 0 is freed and full of retry entries.
    expect(await tree.locator('[data-kind="sibling"]').count()).toBe(1);
    expect(await tree.locator('[data-kind="retry"]').count()).toBe(4);
    expect(await tree.locator('[data-freed="true"]').count()).toBeGreaterThan(0);
    // T1 is at the end of old leaf 0 (offset 4): the climb to the upper node is drawn.
    const walker = page.getByTestId('main-xa-walker-1');
    await expect(walker.getAttribute('data-offset')).resolves.toBe('4');
    await page.getByTestId('main-xa-climb-1').waitFor();
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.setViewportSize({ width: 1400, height: 900 });
      await tree.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/xarray-1400x900.png` });
      await page.setViewportSize({ width: 390, height: 844 });
      await tree.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/xarray-390x844.png` });
      await page.setViewportSize({ width: 1400, height: 900 });
    }
    // One step on: the walker climbed (the upper node, offset 1), then it reads the sibling and stops.
    await page.getByTestId('race-forward').click();
    await expect(walker.getAttribute('data-offset')).resolves.toBe('1');
    await page.getByTestId('race-forward').click();
    await page.getByTestId('main-violation-seek').waitFor();
    await expect(page.getByTestId('main-observations').textContent()).resolves.toMatch(/SEEK_HOLE\(0\)/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a setup without |xa draws no tree', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.getByTestId('main-grid').waitFor();
    expect(await page.getByTestId('main-xarray').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a |xa setup in the address opens on that setup, tree drawn, and steps', async () => {
    const query = '?kernel=v6.12&slots=PPPPPPPP%7Cxa%3D4&threads=collapse%2Cseek_hole%3A0';
    const { context, page, errors } = await openPage(browser, query);
    await page.getByTestId('main-xarray').waitFor();
    await expect(page.getByTestId('main-xarray').textContent()).resolves.toMatch(/nodes of 4 slots/);
    // inode_lock, then xas_load: T1 stands in leaf 0 at page 0.
    await page.getByTestId('step-thread-1').click();
    await page.getByTestId('step-thread-1').click();
    await expect(page.getByTestId('main-xa-walker-1').getAttribute('data-offset')).resolves.toBe('0');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a |xa race picked before the tree code has arrived waits for it, then loads', async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    // The chunk with the deferred actors and the xarray's code (engine/actors/all.ts) is held back.
    await page.route(/\/assets\/all-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(baseUrl());
    await page.getByTestId('main-grid').waitFor();
    await page.getByTestId('load-race-xarray-seek-hole').click();
    await expect(page.getByTestId('notice').textContent()).resolves.toBe('Loading xarray…');
    expect(await page.getByTestId('main-xarray').count()).toBe(0);
    release();
    await page.getByTestId('main-xarray').waitFor();
    await expect(page.getByTestId('race-step').textContent()).resolves.toMatch(/^step 0 of 75/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
