// The page-cache cells of a many-slot grid are written once and then patched in place: a step changes
// the cells it touched and no other node, focus survives, and the transport goes on round-robin after the
// recorded schedule until no thread can run.
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

const N = 40; // above the compact threshold (32): one element per cell
const SETUP = `?kernel=v6.4&slots=${'P'.repeat(N)}&threads=collapse`;

/** Tags every cell node and its text so a later check can tell a patched node from a new one. */
function tagCells(page: Page): Promise<number> {
  return page.evaluate<number>(`(() => {
    const cells = [...document.querySelectorAll('[data-testid="main-grid"] [data-slot]')];
    cells.forEach((c, i) => { c.__cellTag = i; c.__label = c.getAttribute('aria-label'); c.firstChild.__textTag = i; });
    return cells.length;
  })()`);
}

/** Cells still the node tagged for their slot; cells whose sentence changed; unchanged cells whose text
 * node was nevertheless replaced (a patch must leave them alone). */
function patched(page: Page): Promise<{ same: number; changed: number; rewritten: number }> {
  return page.evaluate(`(() => {
    const cells = [...document.querySelectorAll('[data-testid="main-grid"] [data-slot]')];
    const changed = cells.filter((c) => c.getAttribute('aria-label') !== c.__label);
    return {
      same: cells.filter((c, i) => c.__cellTag === i).length,
      changed: changed.length,
      rewritten: cells.filter((c, i) => !changed.includes(c) && c.firstChild.__textTag !== i).length,
    };
  })()`);
}

describe('grid cells', () => {
  it('patch the cells a step changes, keep every node and keep the focus', async () => {
    const { context, page, errors } = await openPage(browser, SETUP);
    const slot0 = page.getByTestId('slot-0');
    await page.getByTestId(`slot-${N - 1}`).waitFor();
    await expect(slot0.getAttribute('aria-label')).resolves.toBe(
      'slot 0: folio 0, uptodate, refcount 1, dirty, lru',
    );
    await expect(tagCells(page)).resolves.toBe(N);
    await slot0.focus();
    // Step T0 (key 1) until its scan has locked the first page.
    for (let k = 0; k < 20 && !(await slot0.getAttribute('aria-label'))?.includes('locked'); k++)
      await page.keyboard.press('1');
    const label = await slot0.getAttribute('aria-label');
    expect(label).toMatch(/^slot 0: folio 0, locked by T0, uptodate, refcount \d+/);
    await expect(slot0.getAttribute('class')).resolves.toContain('has-locked');
    await expect(slot0.textContent()).resolves.toMatch(/^f0\nL0 U \d+/);
    const after = await patched(page);
    expect(after.same).toBe(N);
    expect(after.changed).toBeGreaterThan(0);
    expect(after.changed).toBeLessThan(4);
    expect(after.rewritten).toBe(0);
    await expect(page.evaluate(`document.activeElement?.getAttribute('data-slot')`)).resolves.toBe('0');
    // Back to the start: the same nodes show the first sentence again.
    await page.getByRole('button', { name: 'Reset to start' }).click();
    await expect(slot0.getAttribute('aria-label')).resolves.toBe(
      'slot 0: folio 0, uptodate, refcount 1, dirty, lru',
    );
    await expect(patched(page).then((p) => p.same)).resolves.toBe(N);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('rebuilds the cells for a setup with another number of slots', async () => {
    const { context, page, errors } = await openPage(browser, SETUP);
    await page.getByTestId(`slot-${N - 1}`).waitFor();
    await page.getByTestId('slots-input').fill('P.S');
    await page.getByTestId('load-setup').click();
    await page.getByTestId('slot-2').waitFor();
    await expect(page.locator('[data-testid="main-grid"] [data-slot]').count()).resolves.toBe(3);
    await expect(page.getByTestId('slot-1').getAttribute('aria-label')).resolves.toBe('slot 1: a hole');
    // The roomy layout draws index, title and badges inside the cell.
    await expect(page.getByTestId('slot-0').textContent()).resolves.toBe(
      '0folio 01uptodaterefcount 1dirtylru',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws the huge page outline around the cells the browser laid out, at any width', async () => {
    const { context, page, errors } = await openPage(browser, SETUP);
    for (const width of [1333, 1001, 777]) {
      await page.setViewportSize({ width, height: 800 });
      await page.getByTestId(`slot-${N - 1}`).waitFor();
      await page.getByRole('button', { name: 'Finish round-robin' }).click();
      await page.getByTestId('huge-outline').waitFor();
      // The outline is one path: its box must enclose exactly the cells' box (plus its 3 px pad).
      const boxes = await page.evaluate<{ outline: number[]; cells: number[] }>(`(() => {
        const r = document.querySelector('[data-testid="huge-outline"] path').getBoundingClientRect();
        const cells = [...document.querySelectorAll('[data-testid="main-grid"] [data-slot]')]
          .map((c) => c.getBoundingClientRect());
        return {
          outline: [r.left, r.top, r.right, r.bottom],
          cells: [Math.min(...cells.map((c) => c.left)), Math.min(...cells.map((c) => c.top)),
                  Math.max(...cells.map((c) => c.right)), Math.max(...cells.map((c) => c.bottom))],
        };
      })()`);
      const pad = [-3, -3, 3, 3];
      boxes.outline.forEach((v, k) =>
        expect(Math.abs(v - ((boxes.cells[k] ?? NaN) + (pad[k] ?? 0)))).toBeLessThan(2),
      );
      await page.getByRole('button', { name: 'Reset to start' }).click();
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('steps on round-robin after the recorded schedule, until no thread can run', async () => {
    const { context, page, errors } = await openPage(browser);
    const forward = page.getByTestId('race-forward');
    await expect(forward.textContent()).resolves.toContain('(recorded)');
    await page.getByTestId('race-end').click();
    await expect(forward.textContent()).resolves.toContain('(round-robin)');
    await page.getByRole('button', { name: 'Finish round-robin' }).click();
    await expect(forward.isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('last-run').textContent()).resolves.toBe('Finished round-robin');
    expect(errors).toEqual([]);
    await context.close();
  });
});
