import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from '../../bench/browser.ts';

export function launch(): Promise<Browser> {
  return launchChromium();
}

export function baseUrl(): string {
  return inject('baseUrl');
}

/** A fresh context with reduced motion, so animations cannot cause flakes (one spec turns it off). */
export async function openPage(
  browser: Browser,
  path = '',
  options: {
    reducedMotion?: 'reduce' | 'no-preference';
    viewport?: { readonly width: number; readonly height: number };
  } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    reducedMotion: options.reducedMotion ?? 'reduce',
    ...(options.viewport ? { viewport: options.viewport } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(baseUrl() + path);
  return { context, page, errors };
}
