// Helpers for the session specs: what the page shows, as text, and the replay link it has written.
import type { Frame, Page } from 'playwright-core';

type Scope = Page | Frame;

/** The grid's markup (cells, huge page outline) without focus bookkeeping (tabindex, the inspector),
 * which follows the pointer. */
export async function gridSnapshot(page: Scope): Promise<string> {
  // A string runs in the page (this tsconfig has no DOM types).
  return page.evaluate<string>(`(() => {
    const copy = document.querySelector('[data-testid="main-grid-frame"]').cloneNode(true);
    copy.querySelector('[role="tooltip"]')?.remove();
    copy.querySelectorAll('[tabindex]').forEach((n) => n.removeAttribute('tabindex'));
    copy.querySelectorAll('[aria-describedby]').forEach((n) => n.removeAttribute('aria-describedby'));
    return copy.outerHTML;
  })()`);
}

/** Everything a reader compares between two views of one session. */
export async function sessionText(page: Scope) {
  return {
    grid: await gridSnapshot(page),
    step: await page.getByTestId('race-step').textContent(),
    results: await page.getByTestId('main-observations').textContent(),
    violations: await page.getByTestId('main-violations').textContent(),
    narration: await page.getByTestId('narration').textContent(),
  };
}

/** Polls (the page's CSP forbids string predicates) until `read` returns something truthy. */
export async function poll<T>(page: Page, read: () => Promise<T>, what: string, tries = 100): Promise<T> {
  for (let k = 0; k < tries; k++) {
    const v = await read();
    if (v) return v;
    await page.waitForTimeout(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The replay link of the session on screen, read from the share dialog once it is encoded. */
export async function shareLink(page: Page): Promise<string> {
  await page.getByTestId('share-open').click();
  const link = await page.getByTestId('share-link').inputValue();
  await page.getByTestId('share-close').click();
  return link;
}
