// Every recorded race plays to its verdict in the page: load it from the library, go to the end, and
// the results area shows the collapse's result and the invariant the race breaks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEFAULT_SCENARIO, SCENARIOS } from '../../src/scenarios/index.ts';
import { launch, openPage } from './browser.ts';
import { poll } from './session.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('recorded races', () => {
  it('the page opens on the default race, its full schedule ready at step 0', async () => {
    const { context, page, errors } = await openPage(browser);
    await expect(page.getByTestId('race-current').textContent()).resolves.toContain(DEFAULT_SCENARIO.title);
    await expect(page.getByTestId('race-step').textContent()).resolves.toBe(
      `step 0 of ${DEFAULT_SCENARIO.schedule.length}`,
    );
    await expect(page.getByTestId('narration').textContent()).resolves.toMatch(/^Ready\./);
    // Model 2's two leading collapse steps (drain, pre-check) are not narrated: they are paraphrased.
    await page.getByTestId('race-forward').click();
    await expect(page.getByTestId('narration').getAttribute('data-source')).resolves.toBe('derived');
    await expect(page.getByTestId('narration').textContent()).resolves.toMatch(/Step 1: T0 /);
    await page.getByTestId('race-forward').click();
    // The first narrated step (the allocation, step 3) shows the race's own text.
    const first = DEFAULT_SCENARIO.narration[0];
    expect(first?.at).toBe(2);
    await page.getByTestId('race-forward').click();
    await expect(page.getByTestId('narration').textContent()).resolves.toContain(first?.text);
    await expect(page.getByTestId('narration').getAttribute('data-source')).resolves.toBe('recorded');
    // A step the race does not narrate is paraphrased, with what changed.
    await page.getByTestId('race-forward').click();
    await expect(page.getByTestId('narration').getAttribute('data-source')).resolves.toBe('derived');
    await expect(page.getByTestId('narration').textContent()).resolves.toMatch(/Step 4: T0 /);
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const race of SCENARIOS)
    it(`${race.id} plays to its verdict`, async () => {
      const { context, page, errors } = await openPage(browser);
      await page.getByTestId(`load-race-${race.id}`).click();
      await expect(page.getByTestId('race-step').textContent()).resolves.toBe(
        `step 0 of ${race.schedule.length}`,
      );
      await expect(page.getByTestId('kernel-select').inputValue()).resolves.toBe(race.kernel);
      await expect(page.getByTestId('slots-input').inputValue()).resolves.toBe(race.slots);
      await page.getByTestId('race-end').click();
      const n = race.schedule.length;
      await expect(page.getByTestId('race-step').textContent()).resolves.toBe(`step ${n} of ${n}`);
      const collapse = page.getByTestId('main-result-0');
      await expect(collapse.textContent()).resolves.toContain(
        race.collapseResult === '(stuck)' ? 'not finished' : `returned ${race.collapseResult}`,
      );
      if (race.breaks) {
        await page.getByTestId(`main-violation-${race.breaks}`).waitFor();
        // Jump to the break: the cursor lands just after the step that broke it.
        await page.getByTestId('jump-break').click();
        const label = await page.getByTestId(`main-violation-${race.breaks}`).textContent();
        const broken = Number(label?.match(/Broken by step (\d+)/)?.[1]);
        await expect(page.getByTestId('race-step').textContent()).resolves.toBe(`step ${broken} of ${n}`);
      } else {
        await expect(page.getByTestId('jump-break').isDisabled()).resolves.toBe(true);
      }
      // Its last narrated step tells the race's own words when reached.
      const told = race.narration[race.narration.length - 1];
      if (told) {
        await page.getByLabel('go to step').fill(String(told.at + 1));
        await page.getByRole('button', { name: 'Go', exact: true }).click();
        await expect(page.getByTestId('narration').textContent()).resolves.toContain(told.text);
      }
      const other = race.compare[0];
      if (other) {
        await page.getByTestId(`race-compare-${other}`).click();
        await expect(page.getByTestId('compare-select').inputValue()).resolves.toBe(other);
        await page.getByTestId('compare-pane').waitFor();
      }
      expect(errors).toEqual([]);
      await context.close();
    });

  it('plays and pauses', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.getByTestId('race-play').click();
    const step = page.getByTestId('race-step');
    await poll(page, async () => (await step.textContent()) === 'step 2 of 34', 'two played steps');
    await page.getByTestId('race-play').click();
    const at = await page.getByTestId('race-step').textContent();
    await page.waitForTimeout(1200);
    await expect(page.getByTestId('race-step').textContent()).resolves.toBe(at);
    expect(errors).toEqual([]);
    await context.close();
  });
});
