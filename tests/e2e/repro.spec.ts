// The share dialog's C reproducer: a .c file for the setup on screen, naming its race and its link.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('share dialog: C reproducer', () => {
  it('downloads the reproducer of the race on screen', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.getByTestId('share-open').click();
    const link = await page.getByTestId('share-link').inputValue();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('share-repro').click(),
    ]);
    expect(download.suggestedFilename()).toBe('collapse-lab-repro-seek-data-loses-data-during-a-collapse.c');
    const source = await readFile((await download.path()) ?? '', 'utf8');
    expect(source).toMatch(/^\/\*\n \* Collapse Lab reproducer/);
    expect(source).toContain(' *   - SEEK_DATA losing data (race a)\n');
    expect(source).toContain(' *   I1 seek: broken on v6.3, v6.3+p1, v6.3+p2, v6.3+p3\n');
    expect(source).toContain(` * Replay: ${link}\n`);
    expect(source).toMatch(/^int main\(int argc, char \*\*argv\)$/m);
    expect(errors).toEqual([]);
    await context.close();
  });
});
