import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';

// Dependencies point downward only: ui -> store -> replay/scenarios -> explorer -> engine; cli -> replay/
// scenarios -> explorer -> engine. Zones resolve every import to its file, so the rule holds at any
// depth (`../../../store/x.ts` from a nested folder is caught as surely as `../store/x.ts`).
const layer = (target, from, message, except = []) => ({
  target: `./src/${target}`,
  from: `./src/${from}`,
  ...(except.length > 0 && { except }),
  message,
});
const layerZones = [
  layer('engine', '', 'The engine imports nothing above it.', ['./engine']),
  layer('explorer', '', 'The explorer imports only the engine.', ['./engine', './explorer']),
  ...['replay', 'scenarios'].flatMap((l) =>
    ['store', 'ui', 'cli'].map((above) => layer(l, above, `${l} imports no store, UI or CLI.`)),
  ),
  layer('store', 'ui', 'The store knows nothing of the UI.'),
  layer('store', 'cli', 'The store knows nothing of the CLI.'),
  ...['store', 'ui'].map((above) => layer('cli', above, 'The CLI imports no store or UI.')),
  layer('ui', 'cli', 'The page imports no CLI code.'),
  // The C reproducer generator serves the CLI and the page alike.
  ...['store', 'ui', 'cli'].map((above) => layer('repro', above, 'repro imports no store, UI or CLI.')),
];

// The engine and the explorer are pure and deterministic: no UI, no clocks, no randomness, no host APIs.
const engineBans = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['react', 'react-*', 'd3-*', 'zustand', 'zustand/*'],
          message: 'The engine and the explorer must not import UI code.',
        },
        { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'The engine runs in any host.' },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    'setTimeout',
    'setInterval',
    'requestAnimationFrame',
    'performance',
    'window',
    'document',
    'crypto',
    'process',
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'Use a seeded generator passed in by the caller.' },
    { object: 'Date', property: 'now', message: 'The engine has no clock.' },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date']", message: 'The engine has no clock.' },
  ],
};

const uiLibraries = {
  group: ['react', 'react-*', 'd3-*', 'zustand', 'zustand/*'],
  message: 'No UI libraries here.',
};

// The page's first render imports the engine through core.ts: index.ts (and actors/all.ts, which only
// import() may load) registers every deferred actor and the xarray's code, which would put them back
// in the main bundle (110 KiB gzip budget, tests/e2e/bundle.spec.ts). Type imports cost nothing.
const firstRenderEngine = {
  group: ['**/engine/index.ts', '**/engine/actors/all.ts'],
  allowTypeImports: true,
  message:
    "The page's first render imports engine/core.ts; the rest of the engine loads later (store/deferredActors.ts).",
};
const storeNoUi = { group: ['d3-*'], message: 'The store knows nothing of the UI.' };
// Modules the page loads lazily themselves, and may reach the whole engine: the workers and the matrix.
const lazyPageModules = ['src/ui/worker/**', 'src/ui/matrix/**', 'src/**/*.test.ts', 'src/**/*.test.tsx'];

export default tseslint.config(
  { ignores: ['dist', 'dist-cli', 'node_modules', 'coverage', 'bench/out'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: layerZones }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/store/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/engine/**/*.ts', 'src/explorer/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: engineBans,
  },
  {
    files: ['src/cli/**/*.ts', 'src/replay/**/*.ts', 'src/scenarios/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [uiLibraries] }],
    },
  },
  {
    // The reproducer generator runs in the page too: no UI libraries, and no host APIs outside its tests.
    files: ['src/repro/**/*.ts'],
    ignores: ['src/repro/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            uiLibraries,
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process'],
              message: 'The generator runs in any host.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main.tsx', 'src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    ignores: lazyPageModules,
    rules: { 'no-restricted-imports': ['error', { patterns: [firstRenderEngine] }] },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [storeNoUi] }] },
  },
  {
    // After the block above: a file's last setting of a rule wins, so the store's carries both.
    files: ['src/store/**/*.ts'],
    ignores: lazyPageModules,
    rules: { 'no-restricted-imports': ['error', { patterns: [storeNoUi, firstRenderEngine] }] },
  },
);
