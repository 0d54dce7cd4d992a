// Embed mode inside an iframe of another page: grid, timeline, transport and narration render in the
// frame, stepping works, no setup editor, and a link opens the same replay on the full page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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

describe('embed', () => {
  it('plays a replay inside an iframe', async () => {
    const setup = await openPage(browser);
    for (let k = 0; k < 9; k++) await setup.page.getByTestId('race-forward').click();
    await setup.page.getByTestId('share-open').click();
    const snippet = await setup.page.getByTestId('share-iframe').inputValue();
    expect(setup.errors).toEqual([]);
    await setup.context.close();
    const src = snippet.match(/src="([^"]+)"/)?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect(src.startsWith(`${baseUrl()}?embed=1#r=`)).toBe(true);

    // Another site's page hosting the snippet as is.
    const host = await serveHtml(
      `<!doctype html><title>Course notes</title><h1>Notes</h1>${snippet}<p>after the frame</p>`,
    );
    const { context, page, errors } = await openPage(browser);
    await page.goto(host.url);
    const frame = page.frameLocator('iframe');
    await frame.getByTestId('embed').waitFor();
    await expect(frame.getByTestId('main-grid').getByRole('listitem').count()).resolves.toBe(4);
    await frame.getByTestId('timeline').waitFor();
    for (const id of ['race-play', 'race-back', 'race-forward', 'narration'])
      await frame.getByTestId(id).waitFor();
    await expect(frame.getByTestId('race-step').textContent()).resolves.toBe('step 9 of 34');
    await expect(frame.getByTestId('slots-input').count()).resolves.toBe(0);
    await frame.getByTestId('race-forward').click();
    await expect(frame.getByTestId('race-step').textContent()).resolves.toBe('step 10 of 34');
    await expect(frame.getByTestId('narration').textContent()).resolves.toMatch(/^Step 10: /);
    await frame.getByTestId('race-back').click();
    await frame.getByTestId('race-back').click();
    await expect(frame.getByTestId('race-step').textContent()).resolves.toBe('step 8 of 34');
    // The layout fits its frame: nothing wider than the iframe (strings run in the page).
    const app = page.frames().find((f) => f.url().includes('embed=1'));
    await expect(
      app?.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth'),
    ).resolves.toBe(true);
    const full = frame.getByTestId('full-page-link');
    await expect(full.getAttribute('target')).resolves.toBe('_blank');
    await expect(full.getAttribute('rel')).resolves.toBe('noopener');
    // The link is encoded after the step renders, so under load it can still name step 9 or 10 for a
    // moment: take it once it has held still for 300 ms.
    const href = await poll(
      page,
      async () => {
        const h = (await full.getAttribute('href')) ?? '';
        await page.waitForTimeout(300);
        return h.includes('#r=') && h === (await full.getAttribute('href')) ? h : '';
      },
      'the full-page link',
    );
    expect(href.startsWith(`${baseUrl()}#r=`)).toBe(true);
    // The full page opened from it shows the frame's step.
    const opened = await openPage(browser, href.slice(baseUrl().length));
    await expect(opened.page.getByTestId('race-step').textContent()).resolves.toBe('step 8 of 34');
    await opened.page.getByTestId('slots-input').waitFor();
    expect(opened.errors).toEqual([]);
    await opened.context.close();
    // The embedded player stops at the end of the recording (the full page goes on round-robin).
    const forward = frame.getByTestId('race-forward');
    for (let k = 0; k < 40 && (await forward.isEnabled()); k++) await forward.click();
    await expect(frame.getByTestId('race-step').textContent()).resolves.toBe('step 34 of 34');
    await expect(forward.isDisabled()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
    await host.close();
  });

  it('at 640x400 the document never scrolls, the transport stays, the grid fits, the observation shows at the break', async () => {
    const host = await serveHtml(
      `<!doctype html><title>Notes</title><iframe src="${baseUrl()}?embed=1" width="640" height="400" style="border:0"></iframe>`,
    );
    const { context, page, errors } = await openPage(browser);
    await page.goto(host.url);
    const frame = page.frameLocator('iframe');
    await frame.getByTestId('embed').waitFor();
    const app = page.frames().find((f) => f.url().includes('embed=1'));
    if (!app) throw new Error('no frame');
    const frameBox = await page.locator('iframe').boundingBox();
    if (!frameBox) throw new Error('no frame box');
    const inFrame = async (id: string) => {
      const b = await frame.getByTestId(id).boundingBox();
      if (!b) throw new Error(`no box for ${id}`);
      return b.y >= frameBox.y && b.y + b.height <= frameBox.y + frameBox.height;
    };
    // The document itself never scrolls; at most the memory area does (strings run in the page).
    const still = () =>
      app.evaluate<boolean>(
        'document.documentElement.scrollHeight <= document.documentElement.clientHeight && document.documentElement.scrollWidth <= document.documentElement.clientWidth',
      );
    const scrollers = () =>
      app.evaluate<number>(
        `[...document.querySelectorAll('[data-testid="embed"] *')].filter((e) => { const o = getComputedStyle(e).overflowY; return (o === 'auto' || o === 'scroll') && e.scrollHeight > e.clientHeight; }).length`,
      );
    await expect(still()).resolves.toBe(true);
    await expect(scrollers()).resolves.toBeLessThanOrEqual(1);
    // The four slots on one row, inside the frame.
    const grid = await frame.getByTestId('main-grid').boundingBox();
    const slot3 = await frame.getByTestId('slot-3').boundingBox();
    const slot0 = await frame.getByTestId('slot-0').boundingBox();
    if (!grid || !slot0 || !slot3) throw new Error('no grid');
    expect(slot3.y).toBe(slot0.y);
    expect(grid.x + grid.width).toBeLessThanOrEqual(frameBox.x + frameBox.width);
    expect(grid.y + grid.height).toBeLessThanOrEqual(frameBox.y + frameBox.height);
    await frame.getByTestId('jump-break').click();
    await poll(
      page,
      async () =>
        (await frame.getByTestId('embed-verdict').textContent())?.includes('SEEK_DATA(0) returned ENXIO'),
      'the observation',
    );
    await expect(frame.getByTestId('embed-verdict').textContent()).resolves.toContain('I1 broken');
    await expect(still()).resolves.toBe(true);
    await expect(scrollers()).resolves.toBeLessThanOrEqual(1);
    for (const id of ['embed-verdict', 'race-play', 'race-back', 'race-forward', 'race-step'])
      await expect(inFrame(id), id).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
    await host.close();
  });

  it('an embed link keeps embed mode on reload, and share links never carry it', async () => {
    const { context, page, errors } = await openPage(browser, '?embed=1');
    await page.getByTestId('embed').waitFor();
    await poll(page, async () => page.url().includes('?embed=1#r=B'), 'the hash');
    await page.reload();
    await page.getByTestId('embed').waitFor();
    expect(page.url()).toContain('?embed=1#r=B');
    expect(await page.getByTestId('share-open').count()).toBe(0);
    const normal = await openPage(browser);
    expect(await shareLink(normal.page)).not.toContain('embed');
    expect(normal.errors).toEqual([]);
    await normal.context.close();
    expect(errors).toEqual([]);
    await context.close();
  });
});
