import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { dataPaths } from '../../../electron/backend/data-dir';
import { cleanupTempFiles } from '../../../electron/backend/services/evidence/gc';
import { closeStaging, entryStager, HELD_BYTES, openStaging } from '../../../electron/backend/services/evidence/staging';

/** The importer's staging prefixes (services/evidence/staging.ts) and the start-up cleanup of evidence/gc.ts. */
describe('evidence staging', () => {
  it('files under an open prefix survive the temp cleanup; closing the prefix removes what was not committed', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cchc-staging-'));
    const prefix = openStaging(dataDir);
    expect(prefix.startsWith(join(dataPaths(dataDir).tmp, `ev-${process.pid}-`))).toBe(true);
    const staged = `${prefix}0.part`;
    writeFileSync(staged, 'bytes');
    // A temp of this process under no open prefix is a leftover.
    const stray = join(dataPaths(dataDir).tmp, `ev-${process.pid}-0000000000000000.part`);
    writeFileSync(stray, 'left over');
    expect(cleanupTempFiles(dataDir)).toEqual([stray.slice(stray.lastIndexOf('/') + 1)]);
    expect(existsSync(staged)).toBe(true);
    closeStaging(prefix);
    expect(readdirSync(dataPaths(dataDir).tmp)).toEqual([]);
  });

  it('the worker side: a small file the store holds is not written again; a refused package discards every file, open ones included', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cchc-staging-'));
    const prefix = openStaging(dataDir);
    const stager = entryStager({ prefix, dataDir, reuse: true });
    expect(stager.sink('submission.json', 10)).toBeNull();
    const small = stager.sink('evidence/0001.pdf', 3)!;
    small.write(Buffer.from('abc'));
    // Held in memory until its digest is known: nothing on disk yet.
    expect(readdirSync(dataPaths(dataDir).tmp)).toEqual([]);
    small.finish('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(stager.staged.map((t) => t.path)).toEqual(['evidence/0001.pdf']);
    const big = stager.sink('evidence/0002.pdf', HELD_BYTES + 1)!;
    big.write(Buffer.alloc(1024));
    expect(readdirSync(dataPaths(dataDir).tmp)).toHaveLength(2);
    stager.discardAll();
    expect([stager.staged, readdirSync(dataPaths(dataDir).tmp)]).toEqual([[], []]);
    closeStaging(prefix);
  });
});
