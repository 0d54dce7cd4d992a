// The fix matrix in the page (issue #13): every race on every column, computed by the page's matrix
// worker in headless Chromium, one run; its time and states as the page reports them, and its cells'
// verdicts checked against a Node matrix when one is given. Run alone: node --import tsx bench/ui/matrixPage.ts

import { pathToFileURL } from 'node:url';
import { cellVerdict } from '../../src/explorer/index.ts';
import type { Matrix } from '../../src/cli/matrixCommand.ts';
import { withBuiltPage } from './builtPage.ts';

export interface PageMatrix {
  readonly searches: number;
  readonly states: number;
  /** The worker's own time, as the page shows it. */
  readonly seconds: number;
  /** From the click to the done line, measured in the page. */
  readonly wallSeconds: number;
  /** data-verdict per race, then per kernel. */
  readonly verdicts: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export async function benchMatrixPage(
  log: (line: string) => void = console.log,
  node?: Matrix,
): Promise<PageMatrix> {
  return withBuiltPage('matrix', async ({ url, browser }) => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByTestId('matrix-run').waitFor();
    const t0 = Date.now();
    await page.getByTestId('matrix-run').click();
    await page
      .getByTestId('matrix-status')
      .getByText(/^Done/)
      .waitFor({ timeout: 30 * 60_000 });
    const wallSeconds = (Date.now() - t0) / 1000;
    const status = (await page.getByTestId('matrix-status').textContent()) ?? '';
    const m = /^Done: (\d+) searches, ([\d,]+) states, ([\d.]+) s\./.exec(status);
    if (!m) throw new Error(`unexpected matrix status: ${status}`);
    // A string runs in the page (this tsconfig has no DOM types).
    const verdicts = await page.evaluate<Record<string, Record<string, string>>>(`(() => {
        const out = {};
        for (const tr of document.querySelectorAll('[data-testid="matrix-table"] tbody tr')) {
          const row = (out[tr.dataset.race] = {});
          for (const td of tr.querySelectorAll('td')) row[td.dataset.kernel] = td.dataset.verdict;
        }
        return out;
      })()`);
    const result: PageMatrix = {
      searches: Number(m[1]),
      states: Number(m[2]?.replace(/,/g, '')),
      seconds: Number(m[3]),
      wallSeconds,
      verdicts,
    };
    const cells = Object.values(verdicts).reduce((n, r) => n + Object.keys(r).length, 0);
    log(
      `  page (Chromium ${browser.version()}, one matrix worker): ${cells} cells, ${result.searches} searches, ${result.states.toLocaleString('en-US')} states: ${result.seconds.toFixed(1)} s in the worker, ${wallSeconds.toFixed(1)} s click to table`,
    );
    if (node) {
      const differ = node.rows.flatMap((row, r) =>
        node.columns.flatMap((col, c) => {
          const cell = node.cells[r]?.[c];
          const page = verdicts[row.race]?.[col.kernel];
          return cell && cellVerdict(cell) === page ? [] : [`${row.race} on ${col.kernel}`];
        }),
      );
      const same = differ.length === 0 && result.states === node.states;
      log(
        `  page cells ${same ? 'identical to Node' : `DIFFER from Node (${differ.slice(0, 5).join('; ') || `states ${result.states} vs ${node.states}`})`}`,
      );
      if (!same) process.exitCode = 1;
    }
    return result;
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchMatrixPage();
}
