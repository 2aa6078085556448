import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { dataPaths } from '../../../electron/backend/data-dir';
import { cleanupTempFiles } from '../../../electron/backend/services/evidence/gc';
import { toAppError } from '../../../electron/backend/errors';
import { silentLogger } from '../../../electron/backend/logger';
import { closeStaging, entryStager, HELD_BYTES, openStaging } from '../../../electron/backend/services/evidence/staging';
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
