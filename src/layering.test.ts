// The layering rules are real only if ESLint rejects a forbidden import at any depth. Each case plants a
// probe file in a layer (nested where the layer has folders), lints it with the project's own config and
// expects every forbidden line to be reported, and every allowed line to pass.

import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Probe {
  /** The folder (under src/) the probe file is planted in. */
  readonly dir: string;
  /** Import specifiers, relative to that folder, that the layer must not use. */
  readonly forbidden: readonly string[];
  /** Specifiers the layer may use (they prove the probe fails for the right reason). */
  readonly allowed: readonly string[];
  /** Extra source lines that must be reported (purity rules, the first render's engine). */
  readonly impure?: readonly string[];
  /** Extra source lines that must pass (what the rules above leave alone). */
  readonly clean?: readonly string[];
}

// The page's first render (main.tsx, ui/, store/) imports the engine through core.ts; the modules the
// page loads lazily (the workers, the matrix) and type imports may name index.ts, and import() may load
// the deferred code (eslint.config.js firstRenderEngine).
const firstRender = (up: string) => ({
  impure: [`import '${up}engine/index.ts';`, `import '${up}engine/actors/all.ts';`],
  clean: [
    `export type { World } from '${up}engine/index.ts';`,
    `export const load = () => import('${up}engine/actors/all.ts');`,
  ],
});

const PROBES: Record<string, Probe> = {
  engine: {
    dir: 'engine/actors/collapse',
    forbidden: [
      '../../../store/replay.ts',
      '../../../ui/escapeHtml.ts',
      '../../../cli/args.ts',
      '../../../replay/index.ts',
      '../../../scenarios/index.ts',
      '../../../explorer/index.ts',
    ],
    allowed: ['../../types.ts'],
    impure: ['export const now = Date.now();', 'export const r = Math.random();'],
  },
  explorer: {
    dir: 'explorer/kernel',
    forbidden: [
      '../../store/index.ts',
      '../../ui/escapeHtml.ts',
      '../../cli/args.ts',
      '../../replay/index.ts',
      '../../scenarios/index.ts',
    ],
    allowed: ['../../engine/index.ts', '../model.ts'],
    impure: ['export const now = Date.now();', 'export const t = performance.now();'],
  },
  replay: {
    dir: 'replay/golden',
    forbidden: ['../../store/index.ts', '../../ui/escapeHtml.ts', '../../cli/args.ts'],
    allowed: ['../../engine/index.ts', '../../scenarios/index.ts'],
  },
  scenarios: {
    dir: 'scenarios',
    forbidden: ['../store/index.ts', '../ui/escapeHtml.ts', '../cli/args.ts'],
    allowed: ['../engine/index.ts', '../replay/index.ts'],
  },
  store: {
    dir: 'store',
    forbidden: ['../ui/escapeHtml.ts', '../cli/args.ts'],
    allowed: ['../engine/core.ts', '../replay/index.ts', '../scenarios/index.ts'],
    ...firstRender('../'),
    impure: [...firstRender('../').impure, "import 'd3-selection';"],
  },
  ui: {
    dir: 'ui/grid',
    forbidden: ['../../cli/args.ts'],
    allowed: ['../../store/index.ts', '../../engine/core.ts'],
    ...firstRender('../../'),
  },
  'ui/worker': {
    dir: 'ui/worker',
    forbidden: ['../../cli/args.ts'],
    allowed: ['../../engine/index.ts', '../../engine/actors/all.ts'],
  },
  'ui/matrix': {
    dir: 'ui/matrix',
    forbidden: ['../../cli/args.ts'],
    allowed: ['../../engine/index.ts'],
  },
  repro: {
    dir: 'repro',
    forbidden: ['../store/index.ts', '../ui/escapeHtml.ts', '../cli/args.ts'],
    allowed: ['../engine/index.ts', '../explorer/index.ts', '../replay/index.ts', '../scenarios/index.ts'],
    impure: ["import 'node:fs';"],
  },
  cli: {
    dir: 'cli',
    forbidden: ['../store/index.ts', '../ui/escapeHtml.ts'],
    allowed: ['../engine/index.ts', '../replay/index.ts', '../explorer/index.ts'],
  },
};

const probeFile = (layer: string) =>
  `${root}src/${PROBES[layer]?.dir ?? layer}/layeringProbe${process.pid}.ts`;

/** The probe's lines, in order; a line's 1-based number is its index + 1. */
function probeLines(p: Probe): string[] {
  return [
    '// A temporary file planted by layering.test.ts.',
    ...p.allowed.map((s) => `import '${s}';`),
    ...p.forbidden.map((s) => `import '${s}';`),
    ...(p.impure ?? []),
    ...(p.clean ?? []),
  ];
}

const results = new Map<string, ESLint.LintResult>();

beforeAll(async () => {
  const layers = Object.keys(PROBES);
  for (const layer of layers) writeFileSync(probeFile(layer), probeLines(PROBES[layer]!).join('\n') + '\n');
  try {
    const eslint = new ESLint({ cwd: root });
    for (const r of await eslint.lintFiles(layers.map(probeFile))) {
      const layer = layers.find((l) => probeFile(l) === r.filePath);
      if (layer) results.set(layer, r);
    }
  } finally {
    for (const layer of layers) rmSync(probeFile(layer), { force: true });
  }
}, 120_000);

afterAll(() => {
  for (const layer of Object.keys(PROBES)) rmSync(probeFile(layer), { force: true });
});

describe('ESLint enforces the layering at any depth', () => {
  it.each(Object.keys(PROBES))('%s', (layer) => {
    const p = PROBES[layer]!;
    const r = results.get(layer);
    expect(r, `no lint result for the ${layer} probe`).toBeDefined();
    const lines = probeLines(p);
    const reported = (line: number) => r!.messages.filter((m) => m.line === line).map((m) => m.ruleId);
    for (const s of p.allowed) expect(reported(lines.indexOf(`import '${s}';`) + 1), s).toEqual([]);
    for (const s of p.forbidden)
      expect(reported(lines.indexOf(`import '${s}';`) + 1), s).toContain('import-x/no-restricted-paths');
    for (const code of p.impure ?? []) expect(reported(lines.indexOf(code) + 1), code).not.toEqual([]);
    for (const code of p.clean ?? []) expect(reported(lines.indexOf(code) + 1), code).toEqual([]);
    // Nothing else is wrong with the probe: every message is on a line the case expects.
    const expected = new Set([...p.forbidden.map((s) => `import '${s}';`), ...(p.impure ?? [])]);
    for (const m of r!.messages) expect(expected.has(lines[m.line - 1] ?? ''), m.message).toBe(true);
  });
});
