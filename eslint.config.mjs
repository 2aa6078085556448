// Lint is a CI gate (npm test runs it with --max-warnings 0). Besides style, it enforces the layers:
// shared/ is pure (no electron, no node), the renderer has no node, only the Electron shell imports electron.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'crypto', 'child_process', 'stream', 'http', 'https', 'net', 'url', 'util', 'zlib', 'worker_threads', 'buffer', 'events', 'readline', 'tls'];
const nodeImports = [{ regex: '^node:', message: 'This layer must not use Node APIs.' }];
const nodeNames = NODE_BUILTINS.map((name) => ({ name, message: 'This layer must not use Node APIs.' }));
const electronName = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };
const intoRenderer = { regex: '(^|/)renderer/', message: 'The backend never imports renderer code.' };
const intoElectron = { regex: '(^|/)electron/', message: 'This layer must not import electron/ code.' };
const intoTests = { regex: '(^|/)test/', message: 'Production code never imports tests (the fake platform lives in test/).' };

export const layerRules = {
  shared: {
    'no-restricted-imports': ['error', {
      paths: [electronName, { name: 'better-sqlite3', message: 'shared/ is pure.' }, ...nodeNames],
      patterns: [...nodeImports, intoElectron, intoRenderer, intoTests],
    }],
  },
  renderer: {
    'no-restricted-imports': ['error', {
      paths: [electronName, { name: 'better-sqlite3', message: 'The renderer has no database access.' }, ...nodeNames],
      patterns: [...nodeImports, intoElectron, intoTests],
    }],
  },
  backend: {
    'no-restricted-imports': ['error', { paths: [electronName], patterns: [intoRenderer, intoTests] }],
  },
  shell: {
    'no-restricted-imports': ['error', { patterns: [intoRenderer, intoTests] }],
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
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
      ...layerRules.renderer,
    },
  },
  { files: ['shared/**/*.ts'], rules: layerRules.shared },
  { files: ['electron/backend/**/*.ts', 'electron/webhost/**/*.ts', 'electron/cli/**/*.ts', 'electron/workers/**/*.ts'], rules: layerRules.backend },
  { files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'], rules: layerRules.shell },
  {
    // Tests, benchmarks and scripts print results and may use any layer.
    files: ['test/**', 'bench/**', 'scripts/**', 'bin/**', '*.config.*', '*.mjs'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off', 'no-empty-pattern': 'off' },
  },
);
