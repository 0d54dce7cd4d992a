// Motion that carries meaning: a lookup reference travels from the slot to the thread that took it, and an
// old page slides out of its slot when the huge page takes it. With motion off (reduced), nothing is drawn
// and the same end state is on screen at once. Asserted on where each moving box ends, never on timing:
// an observer records every box the step adds, with its last keyframe, as it is added.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage } from './browser.ts';
import { poll } from './session.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

interface Added {
  readonly cls: string;
  readonly text: string;
  readonly thread: string | null;
  readonly last: { transform?: string; opacity?: string } | null;
}

// Strings run in the page (this tsconfig has no DOM types).
const watch = (page: Page) =>
  page.evaluate(`(() => {
    const layer = document.querySelector('[data-testid="main-fx"] + .fx-boxes');
    if (!layer) throw new Error('no hand-off layer');
    window.__added = [];
    new MutationObserver((ms) => {
      for (const m of ms)
        for (const n of m.addedNodes) {
          if (!n.classList.contains('fx-handoff')) continue;
          const frames = n.getAnimations()[0]?.effect?.getKeyframes() ?? [];
          const last = frames[frames.length - 1] ?? null;
          window.__added.push({
            cls: n.className,
            text: n.textContent,
            thread: n.dataset.thread ?? null,
            last: last && { transform: last.transform, opacity: last.opacity },
          });
        }
    }).observe(layer, { childList: true });
  })()`);
const takeAdded = (page: Page) =>
  page.evaluate<Added[]>(`(() => { const a = window.__added; window.__added = []; return a; })()`);
const handoffs = (page: Page) =>
  page.evaluate<number>(`document.querySelectorAll('.fx-boxes .fx-handoff').length`);
const translate = (t: string | undefined) => {
  const m = t?.match(/translate\((-?[\d.]+)px, (-?[\d.]+)px\)/);
  return m ? { x: Number(m[1]), y: Number(m[2]) } : null;
};
const label = (page: Page, testId: string) =>
  page.evaluate<string>(
    `document.querySelector('[data-testid="${testId}"]')?.getAttribute('aria-label') ?? ''`,
  );

async function step(page: Page, n: number) {
  await page.getByTestId('race-forward').click();
  await poll(
    page,
    async () => (await page.getByTestId('race-step').textContent())?.startsWith(`step ${n} `),
    `step ${n}`,
  );
}

describe('hand-offs on the grid', () => {
  it("T1's lookup reference travels from slot 0 to T1's marker; slot 0's old page slides out", async () => {
    const { context, page, errors } = await openPage(browser, '', { reducedMotion: 'no-preference' });
    const still = await openPage(browser, '', { reducedMotion: 'reduce' });
    await page.locator('[data-testid="main-fx"] .fx-root').waitFor({ state: 'attached' });
    await page.getByLabel('speed').selectOption('0.5');
    await watch(page);
    let ref: Added | undefined;
    let slid: Added | undefined;
    let refStep = 0;
    let slideStep = 0;
    // Walk the seed race until both happened (found by what the step did, not by its number).
    for (let n = 1; n <= 20 && !(ref && slid); n++) {
      const slot0Before = await label(page, 'slot-0');
      await step(page, n);
      await step(still.page, n);
      const added = await takeAdded(page);
      const cursor = await label(page, 'cursor-T1');
      if (!ref && cursor.includes('holds a reference on')) {
        ref = added.find((a) => a.cls.includes('fx-ref-chip') && a.thread === '1');
        refStep = n;
        // It ends centred on T1's marker (the chip is 48 x 20), where the marker now stands.
        // The marker may still be gliding to its place (a CSS transition on left/top): measure it there.
        await poll(
          page,
          () =>
            page.evaluate<boolean>(
              `document.querySelector('[data-testid="cursor-T1"]')?.getAnimations().length === 0`,
            ),
          "T1's marker at rest",
        );
        const stage = await page.locator('[data-testid="main-world"] .world-stage').boundingBox();
        const marker = await page.getByTestId('cursor-T1').boundingBox();
        if (!stage || !marker) throw new Error('no boxes');
        const end = translate(ref?.last?.transform);
        expect(end).not.toBeNull();
        expect(Math.abs((end?.x ?? 0) + 24 - (marker.x - stage.x + marker.width / 2))).toBeLessThan(1.5);
        expect(Math.abs((end?.y ?? 0) + 10 - (marker.y - stage.y + marker.height / 2))).toBeLessThan(1.5);
        expect(Number(ref?.last?.opacity)).toBe(0);
        // The end state with motion off: the same hold on the same slot, no box drawn.
        await expect(label(still.page, 'cursor-T1')).resolves.toBe(cursor);
      }
      const slot0 = await label(page, 'slot-0');
      if (!slid && slot0 !== slot0Before && slot0.includes('huge page')) {
        slid = added.find((a) => a.cls.includes('fx-slide-out'));
        slideStep = n;
        // The old page (folio 0 of the seed race) leaves downwards and fades out.
        expect(slid?.text).toMatch(/^folio \d+$/);
        const from = await page.getByTestId('slot-0').boundingBox();
        const stage = await page.locator('[data-testid="main-world"] .world-stage').boundingBox();
        const end = translate(slid?.last?.transform);
        if (!from || !stage || !end) throw new Error('no boxes');
        expect(end.y).toBeGreaterThan(from.y - stage.y + 10);
        expect(Number(slid?.last?.opacity)).toBe(0);
        await expect(label(still.page, 'slot-0')).resolves.toBe(slot0);
      }
    }
    expect(refStep).toBeGreaterThan(0);
    expect(slideStep).toBeGreaterThan(0);
    expect(ref).toBeDefined();
    expect(slid).toBeDefined();
    // The boxes remove themselves once played; the reduced-motion page never drew one.
    for (let k = 0; k < 60 && (await handoffs(page)) > 0; k++) await page.waitForTimeout(100);
    expect(await handoffs(page)).toBe(0);
    expect(await handoffs(still.page)).toBe(0);
    expect(errors).toEqual([]);
    expect(still.errors).toEqual([]);
    await still.context.close();
    await context.close();
  });
});
