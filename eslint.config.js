import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The engine is pure and deterministic: no UI, no clocks, no randomness, no host APIs.
const engineBans = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['react', 'react-*', 'd3-*', 'zustand', 'zustand/*'],
          message: 'The engine must not import UI code.',
        },
        {
          group: ['../store/*', '../ui/*', '../cli/*', '../replay/*', '../scenarios/*'],
          message: 'Dependencies point downward only.',
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
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/store/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  { files: ['src/engine/**/*.ts'], ignores: ['src/engine/**/*.test.ts'], rules: engineBans },
  {
    files: ['src/cli/**/*.ts', 'src/replay/**/*.ts', 'src/scenarios/**/*.ts', 'src/repro/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', 'd3-*', '../ui/*', '../store/*'],
              message: 'Dependencies point downward only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The reproducer generator runs in the page too: no host APIs outside its tests.
    files: ['src/repro/**/*.ts'],
    ignores: ['src/repro/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', 'd3-*', '../ui/*', '../store/*', '../cli/*'],
              message: 'Dependencies point downward only.',
            },
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
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['d3-*', '../ui/*'], message: 'The store knows nothing of the UI.' }] },
      ],
    },
  },
);
