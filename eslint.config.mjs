// Lint is a CI gate (npm test runs it with --max-warnings 0). Besides style, it enforces the architecture
// (docs/architecture.md, "Layers"); test/unit/lint-layers.test.ts plants a violation of every rule:
// - local/environment: every import is classified node / dom / either / electron (lint/zones.mjs) and a
//   file imports only what runs where it runs — shared/ is pure, the renderer has no Node, only the shell
//   imports Electron, production code never imports tests;
// - local/boundaries: handlers → services → db/repos inside the backend, the backend never imports
//   electron/workers, renderer features import each other only through index.ts;
// - local/no-import-cycle: no cycles between files, type-only imports included;
// - no-restricted-syntax: SQL (prepare, pragma, exec, transaction, backup) only in electron/backend/db/; no <main>
//   in a renderer feature (the app shell, renderer/src/app/App.tsx, holds the window's one main landmark).
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

import local from './lint/plugin.mjs';

const PRODUCTION = ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'electron/**/*.ts'];

const SQL = 'SQL lives in electron/backend/db/: call a repo function, and group writes with inTransaction (db/transaction.ts) or withEditable (services/assessments/guards.ts).';
/** Database calls by name; exec and backup also exist on RegExp and elsewhere, so only on a database-like receiver or with SQL text. */
const sqlOutsideDb = [
  'error',
  { selector: 'CallExpression[callee.property.name=/^(prepare|pragma|transaction)$/]', message: SQL },
  { selector: 'CallExpression[callee.property.name=/^(exec|backup)$/][callee.object.name=/^(db|database|live|conn)$/i]', message: SQL },
  { selector: 'CallExpression[callee.property.name=/^(exec|backup)$/][callee.object.property.name=/^(db|database)$/]', message: SQL },
  { selector: "CallExpression[callee.property.name='exec'][arguments.0.type=/^(Literal|TemplateLiteral)$/]", message: SQL },
];

/** A page is a <div className="page">: a second <main> inside the shell's breaks the landmarks screen readers jump by. */
const mainInFeature = {
  selector: "JSXOpeningElement[name.name='main']",
  message: 'The app shell (renderer/src/app/App.tsx) holds the one <main>; a page is a <div className="page">.',
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', '.cache/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { local },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  { files: PRODUCTION, rules: { 'local/environment': 'error', 'local/boundaries': 'error' } },
  { files: PRODUCTION, ignores: ['electron/backend/db/**'], rules: { 'no-restricted-syntax': sqlOutsideDb } },
  { files: ['renderer/src/features/**/*.tsx'], rules: { 'no-restricted-syntax': [...sqlOutsideDb, mainInFeature] } },
  { files: ['**/*.{ts,tsx,mts}'], rules: { 'local/no-import-cycle': 'error' } },
  {
    // Tests, benchmarks and scripts print results and may use any layer.
    files: ['test/**', 'bench/**', 'scripts/**', 'bin/**', '*.config.*', '*.mjs', 'lint/**'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off', 'no-empty-pattern': 'off' },
  },
);
