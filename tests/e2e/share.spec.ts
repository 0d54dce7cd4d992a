// The share dialog: the link, an iframe snippet with a title, a Markdown link and the plain-text race
// diagram, each with Copy; the page cache as SVG and PNG downloads; Esc closes it.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launch, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const TITLE = 'SEEK_DATA loses data during a collapse';

describe('share dialog', () => {
  it('shows the link, iframe, Markdown and diagram, and copies them', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.getByTestId('share-open').click();
    const dialog = page.getByRole('dialog', { name: `Share: ${TITLE}` });
    await dialog.waitFor();
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).toMatch(new RegExp(`^${baseUrl()}#r=B[\\w-]+$`));
    const iframe = await page.getByTestId('share-iframe').inputValue();
    expect(iframe).toBe(
      `<iframe src="${link.replace('#r=', '?embed=1#r=')}" title="Collapse Lab: ${TITLE}" width="720" height="560" loading="lazy"></iframe>`,
    );
    await expect(page.getByTestId('share-markdown').inputValue()).resolves.toBe(
      `[Collapse Lab: ${TITLE}](${link})`,
    );
    const diagram = page.getByTestId('share-diagram');
    await diagram.getByText(/CPU0/).waitFor();
    const text = (await diagram.textContent()) ?? '';
    expect(text).toContain(`Collapse Lab: ${TITLE}`);
    expect(text).toMatch(/CPU0 +CPU1/);
    expect(text).toContain(link);
    expect(text).toContain('BROKEN I1 seek');
    expect(Math.max(...text.split('\n').map((l) => (l.includes('#r=') ? 0 : l.length)))).toBeLessThanOrEqual(
      72,
    );
    // Copy: the clipboard when allowed, else the text is selected for Ctrl+C.
    await page.getByTestId('share-link-copy').click();
    // The clipboard write is asynchronous: wait for the status to say what happened.
    await dialog
      .getByRole('status')
      .filter({ hasText: /Copied|Selected/ })
      .first()
      .waitFor();
    await page.keyboard.press('Escape');
    await expect(dialog.count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('copies with the clipboard when the page may', async () => {
    const { context, page, errors } = await openPage(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('share-open').click();
    const md = await page.getByTestId('share-markdown').inputValue();
    await page.getByTestId('share-markdown-copy').click();
    await expect(page.evaluate<string>('navigator.clipboard.readText()')).resolves.toBe(md);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('downloads the page cache as SVG and PNG', async () => {
    const { context, page, errors } = await openPage(browser);
    for (let k = 0; k < 9; k++) await page.getByTestId('race-forward').click();
    await page.getByTestId('share-open').click();
    const [svgDl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-svg').click(),
    ]);
    expect(svgDl.suggestedFilename()).toBe('collapse-lab-v6.3-step-9.svg');
    const svg = await readFile((await svgDl.path()) ?? '', 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Huge page folio 4 in slot 0');
    expect(svg).toContain('!uptodate');
    expect(svg).not.toMatch(/<link|<script|href=/);
    const [pngDl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-png').click(),
    ]);
    expect(pngDl.suggestedFilename()).toBe('collapse-lab-v6.3-step-9.png');
    const png = await readFile((await pngDl.path()) ?? '');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(2000);
    expect(errors).toEqual([]);
    await context.close();
  });
});
