import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { removeTempRoot } from '../../setup/temp-root';

describe('the test run keeps its temporary folders in one place', () => {
  it('points os.tmpdir() at the run\'s own folder, which the global teardown removes', () => {
    expect(basename(tmpdir())).toMatch(/^cchc-vitest-run-/);
  });

  it('removes a run folder even with read-only files and folders in it', () => {
    const root = mkdtempSync(join(tmpdir(), 'root-'));
    const sealed = join(root, 'store', 'ab');
    mkdirSync(sealed, { recursive: true });
    writeFileSync(join(sealed, 'file'), 'x');
    chmodSync(join(sealed, 'file'), 0o444);
    chmodSync(sealed, 0o555);
    removeTempRoot(root);
    expect(existsSync(root)).toBe(false);
  });
});
