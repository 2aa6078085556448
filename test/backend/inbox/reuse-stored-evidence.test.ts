import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dataPaths } from '../../../electron/backend/data-dir';
import { storePathFor } from '../../../electron/backend/services/evidence/store';
import { importBundle } from '../../../electron/backend/services/inbox/import-bundle';
import { createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { makeBundle, registerUnit, trustTestPki } from './make-bundle';

/**
 * Evidence the store already holds (same verified SHA-256 and size) is not copied again at import
 * (services/evidence/store.ts isStored), and a file counted on that vanishes before the commit makes
 * the import start again and copy everything: the imported rows never point at a missing file.
 */
let pki: TestPki;
let b: TestBackend;
let work: string;
const UNITS = [
  { code: 'P-HA', name: 'UBND phường Hải An', type: 'PHUONG' as const },
  { code: 'P-DK', name: 'UBND phường Đông Khê', type: 'PHUONG' as const },
  { code: 'P-DH', name: 'UBND phường Dư Hàng', type: 'PHUONG' as const },
];
const COPYING = 'Đang chép tài liệu kiểm chứng';

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

    const labels: string[] = [];
    const r = await importBundle(b.ctx, await bundleOf(1), { onProgress: (_d, _t, l) => labels.push(l) });
    expect(r.newFiles).toBe(0);
    expect(r.evidenceCount).toBe(a.evidenceCount);
    expect(labels.filter((l) => l.startsWith(COPYING))).toEqual([]);
    for (const f of first) expect(statSync(storePathFor(b.dataDir, f.sha256)).ino).toBe(f.ino);
    for (const e of evidenceOf(r.importId)) expect(sha(storePathFor(b.dataDir, e.sha256))).toBe(e.sha256);
    expect(readdirSync(dataPaths(b.dataDir).tmp).filter((n) => n.endsWith('.part'))).toEqual([]);
  });

  it('a file counted on vanishes while another is copied: the import starts again, copies all, and every row points at a stored file', async () => {
    const [gone, missing] = [first[0]!.sha256, first[1]!.sha256];
    // One file is missing before the import (so one entry is copied, with an await in between) …
    rmSync(storePathFor(b.dataDir, missing));
    const labels: string[] = [];
    let removed = false;
    const r = await importBundle(b.ctx, await bundleOf(2), {
      onProgress: (_d, _t, l) => {
        labels.push(l);
        // … and while it is copied another, counted on as already stored, disappears (as garbage collection would).
        if (!removed && l.startsWith(COPYING)) {
          removed = true;
          rmSync(storePathFor(b.dataDir, gone));
        }
      },
    });
    expect(removed).toBe(true);
    // First attempt: one copy; second attempt: every entry copied.
    expect(labels.filter((l) => l.startsWith(COPYING))).toHaveLength(1 + r.evidenceCount);
    expect(r.newFiles).toBe(2);
    for (const e of evidenceOf(r.importId)) expect(sha(storePathFor(b.dataDir, e.sha256))).toBe(e.sha256);
    expect(readdirSync(dataPaths(b.dataDir).tmp).filter((n) => n.endsWith('.part'))).toEqual([]);
  });
});
