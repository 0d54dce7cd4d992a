// Replay links: the page keeps its whole session in location.hash; the link opened in a fresh browser
// context reproduces the exact state; a damaged link shows the decoder's message and the default race.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEFAULT_SCENARIO } from '../../src/scenarios/index.ts';
import { baseUrl, launch, openPage } from './browser.ts';
import { poll, sessionText, shareLink } from './session.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('replay links', () => {
  it('a shared link reproduces the exact session in a fresh context', async () => {
    const { context, page, errors } = await openPage(browser);
    const entries = await page.evaluate<number>('history.length');
    await page.getByTestId('load-race-mincore').click();
    for (let k = 0; k < 9; k++) await page.getByTestId('race-forward').click();
    await page.getByTestId('compare-select').selectOption('v6.4');
    const link = await shareLink(page);
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#r=B[\w-]+$/);
    // The address bar holds the same session (replaced, not pushed).
    await poll(page, async () => page.url() === link, 'the hash to follow the session');
    await expect(page.evaluate<number>('history.length')).resolves.toBe(entries);
    const before = await sessionText(page);
    const compare = await page.getByTestId('compare-pane').textContent();

    const fresh = await openPage(browser, link.slice(baseUrl().length));
    // The decoder loads lazily for pages opened with a link: wait until it has applied the replay.
    await fresh.page
      .getByTestId('race-step')
      .filter({ hasText: /^step 9 of 41$/ })
      .waitFor();
    expect(await sessionText(fresh.page)).toEqual(before);
    await expect(fresh.page.getByTestId('compare-select').inputValue()).resolves.toBe('v6.4');
    await expect(fresh.page.getByTestId('compare-pane').textContent()).resolves.toBe(compare);
    await expect(fresh.page.getByTestId('link-error').count()).resolves.toBe(0);
    expect(fresh.errors).toEqual([]);
    await fresh.context.close();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a damaged link shows the decoder message and keeps the default race', async () => {
    const good = await openPage(browser);
    const link = await shareLink(good.page);
    expect(good.errors).toEqual([]);
    await good.context.close();
    const payload = link.split('#r=')[1] ?? '';
    for (const hash of ['#r=AAAA', '#r=Zxyz', `#r=${payload.slice(0, -4)}`, '#r=<script>alert(1)</script>']) {
      const { context, page, errors } = await openPage(browser, hash);
      const banner = page.getByTestId('link-error');
      await expect(banner.textContent()).resolves.toMatch(
        /could not be opened: .+\. Showing the default race/,
      );
      await expect(page.getByTestId('race-current').textContent()).resolves.toContain(DEFAULT_SCENARIO.title);
      await expect(page.getByTestId('race-step').textContent()).resolves.toBe(
        `step 0 of ${DEFAULT_SCENARIO.schedule.length}`,
      );
      await page.getByRole('button', { name: 'Dismiss' }).click();
      await expect(banner.count()).resolves.toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('the setup query still works, and the hash then takes over', async () => {
    const { context, page, errors } = await openPage(
      browser,
      '?kernel=v6.4&slots=PP.S&threads=collapse&step=2&schedule=0,0,0',
    );
    await expect(page.getByTestId('race-step').textContent()).resolves.toBe('step 2 of 3');
    await poll(page, async () => page.url().includes('#r=B'), 'the hash');
    // A different setup in the query: the hash's session must win.
    const reopened = await openPage(
      browser,
      '?kernel=v6.3&slots=PPPP&threads=collapse' + new URL(page.url()).hash,
    );
    await expect(reopened.page.getByTestId('slots-input').inputValue()).resolves.toBe('PP.S');
    await expect(reopened.page.getByTestId('race-step').textContent()).resolves.toBe('step 2 of 3');
    expect(reopened.errors).toEqual([]);
    await reopened.context.close();
    expect(errors).toEqual([]);
    await context.close();
  });
});
