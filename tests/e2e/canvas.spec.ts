// The race on the canvas: the break drawn on the grid with its callout, the threads' cursors, compare
// that tells the difference, a grid that never moves, playback that stops at the break, the layout at
// three widths, the embed in a 640x400 frame, and your own setup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createWorld, step } from '../../src/engine/index.ts';
import type { Setup } from '../../src/engine/index.ts';
import { decodeReplay, encodeReplay } from '../../src/replay/index.ts';
import { DEFAULT_SCENARIO, SCENARIOS } from '../../src/scenarios/index.ts';
import { baseUrl, launch, openPage } from './browser.ts';
import { serveHtml } from './hostPage.ts';
import { poll, shareLink } from './session.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

async function open(width: number, height: number, path = '') {
  const opened = await openPage(browser, path, { viewport: { width, height } });
  await opened.page.getByTestId('main-grid').waitFor();
  return opened;
}

const goTo = async (page: Page, n: number) => {
  await page.getByLabel('go to step').fill(String(n));
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await poll(
    page,
    async () => (await page.getByTestId('race-step').textContent())?.startsWith(`step ${n} `),
    `step ${n}`,
  );
};

describe('the break on the canvas', () => {
  for (const race of SCENARIOS.filter((r) => r.target.invariant !== null))
    it(`${race.id}: the grid changes at the break, the callout says observed and expected, the target comes first`, async () => {
      const { context, page, errors } = await open(1400, 900);
      await page.getByTestId(`load-race-${race.id}`).click();
      await page.getByTestId('jump-break').click();
      const at = Number((await page.getByTestId('race-step').textContent())?.match(/^step (\d+)/)?.[1]);
      const callout = page.getByTestId('main-break-callout');
      await callout.waitFor();
      await expect(page.getByTestId('main-expected-text').textContent()).resolves.toBe(race.target.expected);
      const observed = (await page.getByTestId('main-observed').textContent()) ?? '';
      // And why: the race's own story of who raced whom.
      await expect(page.getByTestId('main-why').textContent()).resolves.toBe(race.story);
      expect(observed.length).toBeGreaterThan(10);
      // In the first viewport, beside the grid.
      const box = await callout.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(900);
      // The story's invariant is the first listed.
      const first = page.getByTestId('main-violations').locator('li').first();
      await expect(first.getAttribute('data-testid')).resolves.toBe(
        `main-violation-${race.target.invariant}`,
      );
      await expect(first.textContent()).resolves.toContain(observed);
      await page.getByTestId('main-broken-mark').waitFor();
      const broken = await page.getByTestId('main-grid-frame').screenshot();
      await goTo(page, at - 1);
      await expect(page.getByTestId('main-break-callout').count()).resolves.toBe(0);
      const before = await page.getByTestId('main-grid-frame').screenshot();
      expect(broken.equals(before)).toBe(false);
      expect(errors).toEqual([]);
      await context.close();
    });

  it('on v6.3 the seed race lists I7 and I8 as expected on this kernel, after I1', async () => {
    const { context, page, errors } = await open(1400, 900);
    await page.getByTestId('race-end').click();
    await page.getByTestId('main-expected').waitFor();
    await expect(page.getByTestId('main-expected').textContent()).resolves.toContain(
      'Expected on this kernel (I7, I8)',
    );
    const first = page.getByTestId('main-violations').locator('li').first();
    await expect(first.getAttribute('data-testid')).resolves.toBe('main-violation-seek');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('threads on the grid', () => {
  it("after T1's lookup step, cursor-T1 lies over slot 0's cell and says what it holds", async () => {
    const { context, page, errors } = await open(1400, 900);
    // The seed race: T0 runs 9 steps, then T1 takes the inode lock and looks slot 0 up (step 11).
    await goTo(page, 11);
    const cursor = page.getByTestId('cursor-T1');
    await expect(cursor.getAttribute('aria-label')).resolves.toBe(
      'T1 seek_data:0 looks up slot 0, holds a reference on folio 4 in slot 0',
    );
    const c = await cursor.boundingBox();
    const s = await page.getByTestId('slot-0').boundingBox();
    if (!c || !s) throw new Error('no boxes');
    const mid = { x: c.x + c.width / 2, y: c.y + c.height / 2 };
    expect(mid.x > s.x && mid.x < s.x + s.width && mid.y > s.y && mid.y < s.y + s.height).toBe(true);
    // When SEEK_DATA returns, its answer is drawn over the slots it skipped.
    await goTo(page, 13);
    await expect(page.getByTestId('main-answer-T1').getAttribute('aria-label')).resolves.toBe(
      'T1 seek_data:0: SEEK_DATA(0) = ENXIO, skipping slots 0-3',
    );
    await expect(page.getByTestId('cursor-T1').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a huge page locked in all 512 slots gets one lock tag, not one per slot', async () => {
    const { context, page, errors } = await open(
      1400,
      900,
      `?kernel=v6.4&slots=${'P'.repeat(512)}&threads=collapse`,
    );
    // Finishing runs to the end (the cursor goes with it).
    await page.getByRole('button', { name: 'Finish round-robin' }).click();
    await poll(page, async () => page.getByTestId('race-end').isDisabled(), 'the end');
    // A few steps before the end, collapse still holds the published huge page's lock (it unlocks last).
    const tags = page.locator('[data-testid="main-cursors"] .hold-tag');
    for (let k = 0; k < 6 && (await tags.count()) === 0; k++) {
      const before = await page.getByTestId('race-step').textContent();
      await page.getByTestId('race-back').click();
      await poll(
        page,
        async () => (await page.getByTestId('race-step').textContent()) !== before,
        'a step back',
      );
    }
    await expect(page.locator('[data-testid="main-cursors"] .hold-tag').count()).resolves.toBe(1);
    await expect(page.locator('[data-testid="main-cursors"] .hold-tag').textContent()).resolves.toBe(
      'lock T0',
    );
    await expect(page.getByTestId('slot-511').getAttribute('aria-label')).resolves.toContain('huge page');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the grid does not move vertically over the first 12 steps of the seed race', async () => {
    const { context, page, errors } = await open(1400, 900);
    const y0 = (await page.getByTestId('main-grid').boundingBox())?.y;
    for (let k = 1; k <= 12; k++) {
      await page.getByTestId('race-forward').click();
      await poll(
        page,
        async () => (await page.getByTestId('race-step').textContent()) === `step ${k} of 34`,
        `step ${k}`,
      );
      expect((await page.getByTestId('main-grid').boundingBox())?.y, `after step ${k}`).toBe(y0);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('playback', () => {
  it('Play from step 0 stops by itself at the break, the broken invariant on screen, steps still left', async () => {
    const { context, page, errors } = await open(1400, 900);
    await page.getByLabel('speed').selectOption('4');
    await page.getByTestId('race-play').click();
    await poll(
      page,
      async () => (await page.getByTestId('race-play').getAttribute('aria-pressed')) === 'false',
      'the pause',
      400,
    );
    await expect(page.getByTestId('race-step').textContent()).resolves.toBe('step 13 of 34');
    await page.getByTestId('main-break-callout').waitFor();
    await expect(page.getByTestId('main-observed').textContent()).resolves.toContain('ENXIO');
    await expect(page.getByTestId('race-forward').isDisabled()).resolves.toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('compare', () => {
  it('v6.3 against v6.4 at the end: both finish, v6.4 answers 0, the difference is ENXIO against 0', async () => {
    const { context, page, errors } = await open(1400, 900);
    await page.getByTestId('compare-select').selectOption('v6.4');
    await page.getByTestId('race-end').click();
    await page.getByTestId('compare-pane').waitFor();
    await expect(page.getByTestId('compare-result-0').textContent()).resolves.toContain(
      'returned SCAN_SUCCEED',
    );
    await expect(page.getByTestId('compare-result-1').textContent()).resolves.toContain('returned 0');
    await expect(page.getByTestId('main-result-1').textContent()).resolves.toContain('returned ENXIO');
    await expect(page.getByTestId('divergence').textContent()).resolves.toContain(
      'T1 SEEK_DATA(0) = ENXIO on v6.3 but 0 on v6.4',
    );
    await page.getByTestId('verdict-other').waitFor();
    await expect(page.getByTestId('verdict-main').textContent()).resolves.toContain('I1 broken');
    await expect(page.getByTestId('verdict-other').textContent()).resolves.toContain('all hold');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the compare pane has its own cursors and break mark', () => {
  const center = (b: { x: number; y: number; width: number; height: number }) => ({
    x: b.x + b.width / 2,
    y: b.y + b.height / 2,
  });
  const inside = (p: { x: number; y: number }, b: { x: number; y: number; width: number; height: number }) =>
    p.x > b.x && p.x < b.x + b.width && p.y > b.y && p.y < b.y + b.height;

  it("at T1's lookup, the compared side draws T1 over its own slot 0", async () => {
    const { context, page, errors } = await open(1400, 900);
    await page.getByTestId('compare-select').selectOption('v6.4');
    await page.getByTestId('compare-pane').waitFor();
    // The lookup step, found by what it does (not by its number).
    let n = 0;
    const lookup = async () =>
      (await page.getByTestId('cursor-T1').getAttribute('aria-label'))?.includes('holds a reference');
    while (n < 20 && !((await page.getByTestId('cursor-T1').count()) && (await lookup()))) {
      n++;
      await page.getByTestId('race-forward').click();
      await poll(
        page,
        async () => (await page.getByTestId('race-step').textContent())?.startsWith(`step ${n} `),
        `step ${n}`,
      );
    }
    const cursor = page.getByTestId('compare-cursor-T1');
    await expect(cursor.getAttribute('aria-label')).resolves.toContain('T1 seek_data:0 looks up slot 0');
    const c = await cursor.boundingBox();
    const slot = await page.locator('[data-testid="compare-grid"] [data-slot="0"]').boundingBox();
    if (!c || !slot) throw new Error('no boxes');
    expect(inside(center(c), slot)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('when only the compared kernel breaks (v6.4 against v6.3), the break is marked on its side', async () => {
    // The seed race's own link, turned around: v6.4 on the left, v6.3 beside it, at the break.
    const seed = await open(1400, 900);
    await seed.page.getByTestId('jump-break').click();
    await seed.page.getByTestId('main-break-callout').waitFor();
    const decoded = decodeReplay(await shareLink(seed.page));
    await seed.context.close();
    if (!decoded.ok) throw new Error(decoded.error);
    const r = decoded.replay;
    // Only the choices v6.4 can take (as compare would skip them), up to the break.
    const setup: Setup = { ...r.setup, variant: 'v6.4' };
    let world = createWorld(setup);
    const choices: number[] = [];
    for (const c of r.choices.slice(0, r.cursor)) {
      const next = step(world, c);
      if (!next.ok) continue;
      world = next.world;
      choices.push(c);
    }
    const hash = encodeReplay({ ...r, setup, choices, cursor: choices.length, compare: 'v6.3' });
    const { context, page, errors } = await open(1400, 900, `#r=${hash}`);
    await page.getByTestId('compare-broken-mark').waitFor();
    await expect(page.getByTestId('compare-broken-mark').textContent()).resolves.toBe('I1 broken');
    await expect(page.getByTestId('main-broken-mark').count()).resolves.toBe(0);
    // It is drawn over the compared grid's slot 0 (one box per row of the slots it marks).
    const slot = await page.locator('[data-testid="compare-grid"] [data-slot="0"]').boundingBox();
    const marks = page.locator('[data-testid="compare-cursors"] .broken-mark');
    let over = false;
    for (let k = 0; k < (await marks.count()); k++) {
      const mark = await marks.nth(k).boundingBox();
      if (slot && mark && inside(center(slot), mark)) over = true;
    }
    expect(over).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('layout', () => {
  it('nothing overflows horizontally at 390 px', async () => {
    const { context, page, errors } = await open(390, 844);
    await page.getByTestId('thread-0').waitFor();
    await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(
      390,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('at 1024x768 the grid and the first thread pane are in the first viewport', async () => {
    const { context, page, errors } = await open(1024, 768);
    await page.getByTestId('thread-0').waitFor();
    const grid = await page.getByTestId('main-grid').boundingBox();
    const pane = await page.getByTestId('thread-0').boundingBox();
    const step = await page.getByTestId('step-thread-0').boundingBox();
    if (!grid || !pane || !step) throw new Error('no boxes');
    expect(grid.y + grid.height).toBeLessThanOrEqual(768);
    // The pane's head (its name, its step button) and the start of its steps.
    expect(pane.y + 80).toBeLessThanOrEqual(768);
    expect(step.y + step.height).toBeLessThanOrEqual(768);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a thread pane is one tab stop: its source links rove with the arrows', async () => {
    const { context, page, errors } = await open(1400, 900);
    const pane = page.getByTestId('thread-0');
    await pane.waitFor();
    await expect(pane.locator('a[tabindex="0"]').count()).resolves.toBe(1);
    await pane.locator('a[tabindex="0"]').focus();
    await page.keyboard.press('ArrowDown');
    await expect(pane.locator('a[tabindex="0"]').count()).resolves.toBe(1);
    await expect(
      page.evaluate<boolean>(
        `document.activeElement === document.querySelector('[data-testid="thread-0"] a[tabindex="0"]')`,
      ),
    ).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the skip link moves the focus to Play, and Play is within a few tab stops', async () => {
    const { context, page, errors } = await open(1400, 900);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(
      page.evaluate<string | null>('document.activeElement?.dataset.testid ?? null'),
    ).resolves.toBe('race-play');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('embed at 640x400', () => {
  it('the document does not scroll, the transport stays, and the observation is visible at the break', async () => {
    const host = await serveHtml(
      `<!doctype html><title>Notes</title><iframe src="${baseUrl()}?embed=1" width="640" height="400" style="border:0"></iframe>`,
    );
    const context = await browser.newContext({
      viewport: { width: 800, height: 600 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.goto(host.url);
    const frame = page.frameLocator('iframe');
    await frame.getByTestId('embed').waitFor();
    await frame.getByTestId('jump-break').click();
    await poll(
      page,
      async () => (await frame.getByTestId('embed-verdict').textContent())?.includes('ENXIO'),
      'the verdict',
    );
    const app = page.frames().find((f) => f.url().includes('embed=1'));
    if (!app) throw new Error('no frame');
    const fits = await app.evaluate<boolean>(
      'document.documentElement.scrollHeight <= document.documentElement.clientHeight && document.documentElement.scrollWidth <= document.documentElement.clientWidth',
    );
    expect(fits).toBe(true);
    for (const id of ['embed-verdict', 'race-play', 'race-forward']) {
      const b = await frame.getByTestId(id).boundingBox();
      const f = await page.locator('iframe').boundingBox();
      if (!b || !f) throw new Error(`no box for ${id}`);
      expect(b.y + b.height, id).toBeLessThanOrEqual(f.y + f.height);
    }
    await expect(frame.getByTestId('embed-verdict').textContent()).resolves.toContain('I1 broken');
    await context.close();
    await host.close();
  });
});

describe('your own race', () => {
  it('Load starts an empty schedule and says so; stepping off a recording offers the way back', async () => {
    const { context, page, errors } = await open(1400, 900);
    await page.getByTestId('race-forward').click();
    await page.getByTestId('step-thread-1').click();
    await page.getByTestId('left-recording').waitFor();
    await page.getByRole('button', { name: 'Back to the recording' }).click();
    await expect(page.getByTestId('race-step').textContent()).resolves.toBe(
      `step 1 of ${DEFAULT_SCENARIO.schedule.length}`,
    );
    await expect(page.getByTestId('left-recording').count()).resolves.toBe(0);
    await page.getByTestId('threads-input').fill('collapse,mincore');
    await page.getByTestId('load-setup').click();
    await expect(page.getByTestId('race-step').textContent()).resolves.toBe('step 0 of 0');
    await expect(page.getByTestId('narration').textContent()).resolves.toContain('No recorded schedule');
    await expect(page.getByTestId('jump-break').isDisabled()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a misspelt actor gets a suggestion', async () => {
    const { context, page, errors } = await open(1400, 900);
    await page.getByTestId('threads-input').fill('collapse,mincor');
    await page.getByTestId('load-setup').click();
    await expect(page.getByTestId('setup-error').textContent()).resolves.toContain('did you mean mincore');
    expect(errors).toEqual([]);
    await context.close();
  });
});
