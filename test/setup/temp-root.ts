/**
 * One temporary folder per test run, removed when the run ends. Tests create their data folders, PKIs and
 * packages with mkdtemp under os.tmpdir(); without this every run left them behind (thousands of folders and
 * gigabytes on a machine that runs the suite often). Node's os.tmpdir() and the tools the tests spawn (openssl,
 * soffice, Chromium, the verification workers) all honour TMPDIR, and the test processes inherit it because
 * Vitest and Playwright start them after their global setup.
 * Used by vite.config.mts (Vitest) and playwright.config.ts / playwright.electron.config.ts.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Store files and sealed staging files are read-only; a folder may have been made so too by a refusal test. */
const makeWritable = (dir: string): void => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (st?.isDirectory()) {
      chmodSync(path, 0o700);
      makeWritable(path);
    }
  }
};

export const removeTempRoot = (dir: string): void => {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    makeWritable(dir);
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Makes the run's folder, points TMPDIR at it, and returns the teardown that removes it. */
export const useTempRoot = (label: string): (() => void) => {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), `cchc-${label}-run-`));
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (process.env.CCHC_KEEP_TEST_TMP) return; // to look at what a failing test left
    removeTempRoot(dir);
  };
};

/** Vitest's globalSetup contract: a default export that returns its teardown. */
export default (): (() => void) => useTempRoot('vitest');
