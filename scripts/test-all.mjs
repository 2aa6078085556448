#!/usr/bin/env node
// `npm test`: lint (layer rules), typecheck, security gate, vitest, renderer build + Playwright e2e in
// Chromium, the Electron e2e where an Electron binary exists. Prints one closing line "N passed, N failed"
// summing every suite (each static check counts as one test) and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const results = join(process.cwd(), 'test-results');
mkdirSync(results, { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
const summary = [];

const run = (label, cmd, args, env = {}) => {
  const t0 = Date.now();
  process.stdout.write(`\n▶ ${label}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: false });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  return { ok: r.status === 0, secs };
};

const check = (label, cmd, args) => {
  const r = run(label, cmd, args);
  if (r.ok) passed++;
  else failed++;
  summary.push(`${r.ok ? 'ok  ' : 'FAIL'} ${label} (${r.secs} s)`);
};

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

const npx = (bin) => join('node_modules', '.bin', bin);

check('lint', npx('eslint'), ['.', '--max-warnings', '0']);
check('typecheck (node)', npx('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']);
check('typecheck (web)', npx('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']);
if (existsSync('scripts/electronegativity-gate.mjs')) check('electron security gate', process.execPath, ['scripts/electronegativity-gate.mjs']);

// Vitest: unit, backend, contract, renderer, CLI tests.
const vitestJson = join(results, 'vitest.json');
rmSync(vitestJson, { force: true });
const v = run('vitest', npx('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`]);
const vj = readJson(vitestJson);
if (vj) {
  passed += vj.numPassedTests;
  failed += vj.numFailedTests + (v.ok || vj.numFailedTests > 0 ? 0 : 1);
  skipped += (vj.numPendingTests ?? 0) + (vj.numTodoTests ?? 0);
  summary.push(`${v.ok ? 'ok  ' : 'FAIL'} vitest: ${vj.numPassedTests} passed, ${vj.numFailedTests} failed (${v.secs} s)`);
} else {
  failed++;
  summary.push(`FAIL vitest produced no report (${v.secs} s)`);
}

// `npm run build`: main, preload, workers and renderer bundles (the e2e below serves out/renderer).
check('build (electron-vite: main, preload, renderer)', npx('electron-vite'), ['build', '--logLevel', 'warn']);
const playwrightSuite = (label, config, jsonName) => {
  const file = join(results, jsonName);
  rmSync(file, { force: true });
  const r = run(label, npx('playwright'), ['test', '-c', config]);
  const pj = readJson(file);
  if (pj?.stats) {
    const s = pj.stats;
    passed += s.expected + (s.flaky ?? 0);
    failed += s.unexpected + (r.ok || s.unexpected > 0 ? 0 : 1);
    skipped += s.skipped ?? 0;
    summary.push(`${r.ok ? 'ok  ' : 'FAIL'} ${label}: ${s.expected} passed, ${s.unexpected} failed, ${s.skipped} skipped (${r.secs} s)`);
  } else {
    failed++;
    summary.push(`FAIL ${label} produced no report (${r.secs} s)`);
  }
};
playwrightSuite('e2e (Chromium, web host)', 'playwright.config.ts', 'playwright.json');
playwrightSuite('e2e (Electron)', 'playwright.electron.config.ts', 'playwright-electron.json');

process.stdout.write(`\n${summary.join('\n')}\n\n`);
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 ? 1 : 0);
