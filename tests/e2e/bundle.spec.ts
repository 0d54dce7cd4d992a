// The page's main bundle stays within its budget (issue #10): the entry and the chunks it preloads, as
// built to dist/ (run.mjs builds before the specs), at most 110 KiB of gzip. A size is a property of the
// build, not a timing, so it is a test; bench/ui/frames.ts prints the same number.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAIN_BUNDLE_BUDGET, mainBundle } from '../../bench/ui/mainBundle.ts';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));

describe('the main bundle', () => {
  it('is at most 110 KiB gzip', () => {
    const b = mainBundle(dist);
    expect(b.main).toMatch(/^assets\/index-.*\.js$/);
    expect(b.gzipBytes, `${(b.gzipBytes / 1024).toFixed(1)} KiB gzip`).toBeLessThanOrEqual(
      MAIN_BUNDLE_BUDGET,
    );
  });
});
