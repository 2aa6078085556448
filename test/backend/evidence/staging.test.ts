import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { dataPaths } from '../../../electron/backend/data-dir';
import { cleanupTempFiles } from '../../../electron/backend/services/evidence/gc';
import { toAppError } from '../../../electron/backend/errors';
import { silentLogger } from '../../../electron/backend/logger';
import { closeStaging, entryStager, HELD_BYTES, isOwnStaged, openStaging } from '../../../electron/backend/services/evidence/staging';
import { commitTemp, prepareStoreDirs, storePathFor } from '../../../electron/backend/services/evidence/store';
import { importBundle } from '../../../electron/backend/services/inbox/import-bundle';
import type { VerifyResult } from '../../../shared/schemas/submission';
import { createTestBackend } from '../../helpers/backend';

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

  it('a staged path is the stager\'s own only as <prefix><n>.part: no folder, no traversal, no other suffix', () => {
    const p = '/data/tmp/ev-1-0123456789abcdef-';
    expect([`${p}0.part`, `${p}17.part`].map((t) => isOwnStaged(p, t))).toEqual([true, true]);
    expect([`${p}0/../../x.part`, `${p}.part`, `${p}0.part.x`, `${p}-1.part`, `${p}1e3.part`, `/data/tmp/ev-1-0123456789abcdef0.part`].map((t) => isOwnStaged(p, t))).toEqual([false, false, false, false, false, false]);
  });

  it('store folders made ahead (a batch): the commit then only renames into them; digests that are not hex are skipped', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cchc-staging-'));
    const sha = 'ab'.repeat(32);
    // Two packages needing the same folder at once: one makes it, the other waits for it.
    await Promise.all([prepareStoreDirs(dataDir, [sha, sha, '../../etc']), prepareStoreDirs(dataDir, [sha])]);
    expect(readdirSync(join(dataPaths(dataDir).evidence))).toEqual(['ab']);
    expect(readdirSync(join(dataPaths(dataDir).evidence, 'ab', 'ab'))).toEqual([]);
    const tmp = join(dataDir, 'x.part');
    writeFileSync(tmp, 'bytes');
    expect(commitTemp(dataDir, { tmpPath: tmp, sha256: sha, size: 5, head: Buffer.alloc(0) })).toEqual({ path: storePathFor(dataDir, sha), created: true });
    expect(existsSync(storePathFor(dataDir, sha))).toBe(true);
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

  it('a write that fails while staging is recorded by its errno code; the importer reports our disk (DISK_FULL), not a bad package, and stores nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cchc-staging-'));
    const prefix = openStaging(dataDir);
    const stager = entryStager({ prefix, dataDir, reuse: true });
    rmSync(dataPaths(dataDir).tmp, { recursive: true });
    expect(() => stager.sink('evidence/0002.pdf', HELD_BYTES + 1)!.write(Buffer.alloc(16))).toThrow();
    expect(stager.failure()).toBe('ENOENT');
    closeStaging(prefix);

    const b = createTestBackend();
    try {
      const file = join(b.dataDir, 'any.asice');
      writeFileSync(file, 'not read for verification here');
      const result = { status: 'INVALID', code: 'E_IO', message: '', warnings: [], signer: null, chain: [], signingTime: null, files: [], submission: null, bundleSha256: null, checkedAt: new Date().toISOString() } as VerifyResult;
      const failed = await importBundle(b.ctx, file, { verify: async () => ({ result, staged: [], content: null, kept: {}, stagingError: 'ENOSPC', prefix: openStaging(b.dataDir) }) }).catch((e: unknown) => e);
      expect(toAppError(failed, silentLogger).code).toBe('DISK_FULL');
      expect(b.ctx.db.prepare('SELECT COUNT(*) AS n FROM imported_submission').get()).toEqual({ n: 0 });
      expect(readdirSync(dataPaths(b.dataDir).tmp).filter((n) => n.endsWith('.part'))).toEqual([]);
    } finally {
      b.cleanup();
    }
  });
});
