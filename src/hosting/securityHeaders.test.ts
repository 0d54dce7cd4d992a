// The policy the page carries and the headers a host sends (issue #15, failure 10).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import viteConfig from '../../vite.config.ts';
import { PAGE_CSP, SECURITY_HEADERS } from './securityHeaders.ts';

const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');

describe('Content-Security-Policy', () => {
  it('the meta tag in index.html is PAGE_CSP exactly', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBe(PAGE_CSP);
  });

  it("sets base-uri and form-action to 'none' (neither falls back to default-src)", () => {
    expect(PAGE_CSP).toContain("base-uri 'none'");
    expect(PAGE_CSP).toContain("form-action 'none'");
    expect(PAGE_CSP).not.toContain('frame-ancestors'); // a meta tag cannot carry it
  });

  it('the headers keep the embed framable and vite preview sends them', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(`${PAGE_CSP}; frame-ancestors *`);
    expect(Object.keys(SECURITY_HEADERS).map((k) => k.toLowerCase())).not.toContain('x-frame-options');
    const config = viteConfig as { preview?: { headers?: Record<string, string> } };
    expect(config.preview?.headers).toEqual(SECURITY_HEADERS);
  });
});
