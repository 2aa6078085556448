import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dataPaths } from '../../../electron/backend/data-dir';
import { storePathFor } from '../../../electron/backend/services/evidence/store';
import { importBundle, verifyAndStage } from '../../../electron/backend/services/inbox/import-bundle';
import { createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { makeBundle, registerUnit, trustTestPki } from './make-bundle';

/**
 * Small evidence the store already holds (same verified SHA-256 and size) is not staged again at import
 * (services/evidence/staging.ts), and a file counted on that vanishes before the commit makes the import start
 * again with every entry staged: the imported rows never point at a missing file.
 */
let pki: TestPki;
let b: TestBackend;
let work: string;
const UNITS = [
  { code: 'P-HA', name: 'UBND phường Hải An', type: 'PHUONG' as const },
  { code: 'P-DK', name: 'UBND phường Đông Khê', type: 'PHUONG' as const },
  { code: 'P-DH', name: 'UBND phường Dư Hàng', type: 'PHUONG' as const },
];

beforeAll(async () => {
  pki = await createTestPki();
  b = createTestBackend();
  trustTestPki(b.dataDir, pki);
  work = makeTempDir('cchc-reuse-');
  for (const u of UNITS) registerUnit(b, u, [pki.leaf]);
});
afterAll(() => b.close());

const bundleOf = (i: number) => makeBundle(b, pki, join(work, `${UNITS[i]!.code}.asice`), { unit: UNITS[i]!, submissionId: `0190a1b2-c3d4-7e5f-8a9b-00000000030${i}` });
const evidenceOf = (importId: string) =>
  b.ctx.db.prepare('SELECT path, sha256, size FROM imported_evidence WHERE import_id = ? ORDER BY path').all(importId) as { path: string; sha256: string; size: number }[];
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('import reuses evidence already in the store', () => {
  let first: { sha256: string; ino: number }[] = [];

  it('a second unit sending the same documents: nothing copied, the stored files untouched, every row points at a stored file', async () => {
    const a = await importBundle(b.ctx, await bundleOf(0));
    expect(a.newFiles).toBe(a.evidenceCount);
    first = evidenceOf(a.importId).map((e) => ({ sha256: e.sha256, ino: statSync(storePathFor(b.dataDir, e.sha256)).ino }));
    expect(first.length).toBe(a.evidenceCount);

    const staged: number[] = [];
    const r = await importBundle(b.ctx, await bundleOf(1), {
      verify: async (f) => {
        const v = await verifyAndStage(b.ctx, f);
        staged.push(v.staged.length);
        return v;
      },
    });
    expect(r.newFiles).toBe(0);
    expect(r.evidenceCount).toBe(a.evidenceCount);
    expect(staged).toEqual([0]);
    for (const f of first) expect(statSync(storePathFor(b.dataDir, f.sha256)).ino).toBe(f.ino);
    for (const e of evidenceOf(r.importId)) expect(sha(storePathFor(b.dataDir, e.sha256))).toBe(e.sha256);
    expect(readdirSync(dataPaths(b.dataDir).tmp).filter((n) => n.endsWith('.part'))).toEqual([]);
  });

  it('a file counted on vanishes between verification and commit: the import starts again, stages all, and every row points at a stored file', async () => {
    const [gone, missing] = [first[0]!.sha256, first[1]!.sha256];
    // One file is missing before the import (so it is staged) …
    rmSync(storePathFor(b.dataDir, missing));
    const staged: number[] = [];
    const r = await importBundle(b.ctx, await bundleOf(2), {
      verify: async (f) => {
        const v = await verifyAndStage(b.ctx, f);
        staged.push(v.staged.length);
        // … and after the verification another, counted on as already stored, disappears (as garbage collection would).
        rmSync(storePathFor(b.dataDir, gone));
        return v;
      },
    });
    // The first attempt staged the missing file only; the second (its own verification) staged every entry.
    expect(staged).toEqual([1]);
    expect(r.newFiles).toBe(2);
    for (const e of evidenceOf(r.importId)) expect(sha(storePathFor(b.dataDir, e.sha256))).toBe(e.sha256);
    expect(readdirSync(dataPaths(b.dataDir).tmp).filter((n) => n.endsWith('.part'))).toEqual([]);
  });
});
