// The last polish of the canvas, by bounding box: hold tags inside their cell, answer bands clear of the
// badges, the story told once at the break (also in compare at 1400), the hand-off motion in the compare
// pane too; and the code the first render leaves out (the deferred actors, the races' narration) arriving
// when it is needed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_SCENARIO } from '../../src/scenarios/index.ts';
import { launch, openPage } from './browser.ts';
import { poll } from './session.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

async function open(path = '', motion: 'reduce' | 'no-preference' = 'reduce') {
  const opened = await openPage(browser, path, {
    reducedMotion: motion,
    viewport: { width: 1400, height: 900 },
  });
  await opened.page.getByTestId('main-grid').waitFor();
  return opened;
}

async function forward(page: Page, n: number) {
  await page.getByTestId('race-forward').click();
  await poll(
    page,
    async () => (await page.getByTestId('race-step').textContent())?.startsWith(`step ${n} `),
    `step ${n}`,
  );
}

/** Boxes of everything matching `selector` (strings run in the page: this tsconfig has no DOM types). */
const rects = (page: Page, selector: string) =>
  page.evaluate<Rect[]>(
    `[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    })`,
  );

const within = (a: Rect, b: Rect) =>
  a.x >= b.x - 0.5 &&
  a.y >= b.y - 0.5 &&
  a.x + a.width <= b.x + b.width + 0.5 &&
  a.y + a.height <= b.y + b.height + 0.5;

describe('boxes at the break of the seed race', () => {
  it('every hold tag lies within a cell; the answer band covers no badge and no value', async () => {
    const { context, page, errors } = await open();
    await page.getByTestId('jump-break').click();
    await page.getByTestId('main-answer-T1').waitFor();
    const cells = await rects(page, '[data-testid="main-grid"] [data-slot]');
    const tags = await rects(page, '[data-testid="main-cursors"] .hold-tag');
    expect(tags.length).toBeGreaterThan(0);
    for (const t of tags) expect(cells.some((c) => within(t, c))).toBe(true);

    const bands = await rects(page, '[data-testid="main-cursors"] .answer-band');
    expect(bands.length).toBeGreaterThan(0);
    const marks = await rects(
      page,
      '[data-testid="main-grid"] .badge, [data-testid="main-grid"] .slot-value',
    );
    expect(marks.length).toBeGreaterThan(8);
    for (const band of bands)
      for (const m of marks) {
        const overlapsX = m.x < band.x + band.width && m.x + m.width > band.x;
        const overlapsY = m.y < band.y + band.height && m.y + m.height > band.y;
        expect(overlapsX && overlapsY, `band ${JSON.stringify(band)} over ${JSON.stringify(m)}`).toBe(false);
      }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the story is told once on the page, alone and in compare', async () => {
    const { context, page, errors } = await open();
    await page.getByTestId('jump-break').click();
    await page.getByTestId('main-why').waitFor({ state: 'attached' });
    const told = () => page.getByText(DEFAULT_SCENARIO.story, { exact: true }).count();
    await poll(page, async () => (await told()) === 1, 'the story once');
    await page.getByTestId('compare-select').selectOption('v6.4');
    await page.getByTestId('compare-pane').waitFor();
    await expect(told()).resolves.toBe(1);
    // Before the break the library's card tells it (the callout is not there yet).
    await page.getByTestId('race-back').click();
    await poll(page, async () => (await page.getByTestId('main-why').count()) === 0, 'no callout');
    await expect(told()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('hand-offs in the compare pane', () => {
  it("T1's lookup reference travels on the compared side too", async () => {
    const { context, page, errors } = await open('', 'no-preference');
    await page.getByTestId('compare-select').selectOption('v6.4');
    await page.getByTestId('compare-pane').waitFor();
    await page.locator('[data-testid="compare-fx"] .fx-root').waitFor({ state: 'attached' });
    await page.evaluate(`(() => {
      const layer = document.querySelector('[data-testid="compare-fx"] + .fx-boxes');
      if (!layer) throw new Error('no hand-off layer in the compare pane');
      window.__chips = [];
      new MutationObserver((ms) => {
        for (const m of ms)
          for (const n of m.addedNodes)
            if (n.classList.contains('fx-ref-chip')) window.__chips.push(n.dataset.thread ?? '');
      }).observe(layer, { childList: true });
    })()`);
    let chips: string[] = [];
    for (let n = 1; n <= 20 && !chips.includes('1'); n++) {
      await forward(page, n);
      chips = await page.evaluate<string[]>(`window.__chips`);
    }
    expect(chips).toContain('1');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('code the first render leaves out', () => {
  it('a setup with a deferred actor opens on that setup and steps', async () => {
    const { context, page, errors } = await open('?kernel=v6.3&slots=MPPP&threads=collapse,mincore');
    await expect(page.getByTestId('threads-input').inputValue()).resolves.toBe('collapse,mincore');
    await page.getByTestId('thread-1').waitFor();
    await page.getByTestId('step-thread-1').click();
    await poll(
      page,
      async () => (await page.getByTestId('race-step').textContent())?.startsWith('step 1 '),
      'step 1',
    );
    await expect(page.getByTestId('narration').textContent()).resolves.toMatch(/^Step 1: T1 /);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('loading a typed setup with punch, and the seed race telling its recorded narration', async () => {
    const { context, page, errors } = await open();
    await page.getByTestId('jump-break').click();
    await poll(
      page,
      async () => (await page.getByTestId('narration').getAttribute('data-source')) === 'recorded',
      'the recorded narration',
    );
    await page.getByTestId('threads-input').fill('collapse,punch:1');
    await page.getByTestId('load-setup').click();
    await page.getByTestId('thread-1').waitFor();
    await expect(page.getByTestId('thread-1').textContent()).resolves.toContain('punch');
    await page.getByTestId('step-thread-1').click();
    await poll(
      page,
      async () => (await page.getByTestId('race-step').textContent())?.startsWith('step 1 '),
      'step 1',
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
