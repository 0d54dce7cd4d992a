// A link made with an older model (issue #11): it replays as it did then, the page says so, and one
// button opens the same setup on today's model (whose collapse starts with the drain and the pre-check).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { MODEL_VERSION } from '../../src/engine/index.ts';
import { launch, openPage } from './browser.ts';
import { poll } from './session.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

interface GoldenLink {
  readonly link: string;
  readonly slots: string;
}
const linksOf = (file: string) =>
  JSON.parse(
    readFileSync(new URL(`../../src/replay/golden/${file}`, import.meta.url), 'utf8'),
  ) as GoldenLink[];
/** The seed race (seek-data, the first recorded race) as a model 1 link, at step 16 of its 32. */
const oldSeekData = linksOf('linksB.json')[0]?.link ?? '';
const todaySeekData = linksOf(`linksB${MODEL_VERSION}.json`)[0]?.link ?? '';
const hashOf = (link: string) => link.slice(link.indexOf('#'));

describe('links made with an older model', () => {
  it('replays a model 1 link on model 1, says so, and opens the setup on today’s model', async () => {
    const { context, page, errors } = await openPage(browser, hashOf(oldSeekData));
    const banner = page.getByTestId('old-model');
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain(
      'This link was made with model 1; it replays as it did then. Open the same setup with today',
    );
    // Model 1's schedule: 32 steps, collapse starting at the allocation (no drain, no pre-check).
    await poll(
      page,
      async () => (await page.getByTestId('race-step').textContent()) === 'step 16 of 32',
      'the model 1 schedule to be replayed',
    );
    const pane = page.getByTestId('thread-0');
    await expect(pane.textContent()).resolves.not.toContain('lru_add_drain_all');
    await expect(page.getByTestId('link-error').count()).resolves.toBe(0);

    await page.getByTestId('old-model-open').click();
    await poll(page, async () => (await banner.count()) === 0, 'the banner to go');
    await expect(page.getByTestId('race-step').textContent()).resolves.toBe('step 0 of 0');
    // Today's collapse enters through lru_add_drain_all and the hpage_collapse_scan_file pre-check.
    await expect(pane.textContent()).resolves.toContain('lru_add_drain_all');
    await expect(pane.textContent()).resolves.toContain('hpage_collapse_scan_file');
    await expect(page.getByTestId('step-thread-0').isEnabled()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows no banner on a link made with today’s model', async () => {
    const { context, page, errors } = await openPage(browser, hashOf(todaySeekData));
    await poll(
      page,
      async () => (await page.getByTestId('race-step').textContent()) === 'step 17 of 34',
      'the model 2 schedule to be replayed',
    );
    await expect(page.getByTestId('old-model').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
