// Small on purpose: recommended sets plus the few rules that catch real bugs here.
import js from '@eslint/js';
import tanstackQuery from '@tanstack/eslint-plugin-query';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Imports flow one way (docs/architecture.md): domain <- emulator, api, components <- features <- app.
// server and mocks host the emulator; nothing in the browser imports server.
const layer = (name) => [`**/${name}/*`, `**/${name}/**`, `@/${name}/*`, `@/${name}/**`];
const forbid = (...names) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: names.flatMap(layer),
          message: `This module may not import from ${names.join(', ')} (see the module boundaries in docs/architecture.md).`,
        },
      ],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-demo',
      'dist-server',
      'public',
      'node_modules',
      'data',
      'test-results',
      'playwright-report',
      'bench-results',
      'dist-bench',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Hooks live in .ts files too (use-event-results.ts, use-follow.ts…): the hook rules read every source file.
    files: ['src/**/*.{ts,tsx}'],
    // Node tests call vitest helpers named use… (useEmulatorServer) at the top level; they are not React hooks.
    ignores: ['src/**/*.test.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Warns about libraries the React Compiler cannot memoise (TanStack Table); this app does not use the compiler.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'jsx-a11y': jsxA11y },
    rules: jsxA11y.flatConfigs.recommended.rules,
  },
  ...tanstackQuery.configs['flat/recommended'],
  {
    files: ['src/domain/**'],
    rules: forbid('emulator', 'api', 'components', 'features', 'app', 'mocks', 'server'),
  },
  { files: ['src/emulator/**'], rules: forbid('api', 'components', 'features', 'app', 'mocks', 'server') },
  { files: ['src/api/**'], rules: forbid('emulator', 'components', 'features', 'app', 'mocks', 'server') },
  { files: ['src/components/**'], rules: forbid('emulator', 'api', 'features', 'app', 'mocks', 'server') },
  { files: ['src/features/**'], rules: forbid('emulator', 'app', 'mocks', 'server') },
  { files: ['src/app/**'], rules: forbid('emulator', 'server') },
  { files: ['src/mocks/**'], rules: forbid('api', 'components', 'features', 'app', 'server') },
  {
    // Tests host the emulator in process, as the demo build does in the page and the server on Node.
    files: ['src/**/*.test.{ts,tsx}', 'src/**/*.contract.ts', 'src/test/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: [
      'src/server/**',
      'scripts/**',
      'e2e/**',
      '*.config.{js,ts}',
      'src/**/*.test.{ts,tsx}',
      'src/test/**',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
