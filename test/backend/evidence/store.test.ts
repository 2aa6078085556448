import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { dataPaths } from '../../../electron/backend/data-dir';
import { attachFiles } from '../../../electron/backend/services/evidence/attach';
import { cleanupTempFiles, sweepStore } from '../../../electron/backend/services/evidence/gc';
import { storePathFor } from '../../../electron/backend/services/evidence/store';
import { AppFailure } from '../../../shared/ipc/result';
import type { EvidenceDocument } from '../../../shared/schemas/evidence';
import { callOk } from '../../helpers/backend';
import { exeBytes, N1, N2, pdfBytes, setupEvidence, sha256, writeSource } from './fixtures';
import type { EvidenceSetup } from './fixtures';

let s: EvidenceSetup | undefined;
afterEach(() => {
  s?.cleanup();
  s = undefined;
});

const storeFiles = (dataDir: string): string[] => {
  const root = dataPaths(dataDir).evidence;
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(join(d, e.name));
    }
  };
  walk(root);
  return out;
};

const tempFiles = (dataDir: string): string[] => readdirSync(dataPaths(dataDir).tmp).filter((n) => n.startsWith('ev-'));

const docCount = (st: EvidenceSetup): number =>
  (st.b.ctx.db.prepare('SELECT count(*) AS n FROM evidence_document').get() as { n: number }).n;

describe('content-addressed store', () => {
  it('stores the same bytes once: a second attach deduplicates and links the same document', async () => {
    s = await setupEvidence();
    const data = pdfBytes(50_000);
    const a = writeSource(s.files, 'Quyết định 123.pdf'.normalize('NFD'), data);
    const b2 = writeSource(s.files, 'ban-sao.pdf', data);
    const { db } = s.b.ctx;
    const r1 = await attachFiles(db, s.b.dataDir, { assessmentId: s.assessmentId, nodeId: N1, files: [{ path: a, name: 'Quyết định 123.pdf'.normalize('NFD') }] });
    const r2 = await attachFiles(db, s.b.dataDir, { assessmentId: s.assessmentId, nodeId: N2, files: [{ path: b2, name: 'ban-sao.pdf' }] });
    expect(r1.documents[0]?.deduplicated).toBe(false);
    expect(r2.documents[0]?.deduplicated).toBe(true);
    expect(r2.documents[0]?.documentId).toBe(r1.documents[0]?.documentId);

    const files = storeFiles(s.b.dataDir);
    expect(files).toHaveLength(1);
    const h = sha256(data);
    expect(files[0]).toBe(storePathFor(s.b.dataDir, h));
    expect(files[0]).toContain(join('evidence', h.slice(0, 2), h.slice(2, 4), h));
    expect(readFileSync(files[0] ?? '').equals(data)).toBe(true);
    expect(statSync(files[0] ?? '').mode & 0o222).toBe(0); // read-only
    expect(tempFiles(s.b.dataDir)).toEqual([]);

    const list = await callOk<EvidenceDocument[]>(s.b, 'evidence.list', { assessmentId: s.assessmentId });
    expect(list).toHaveLength(1);
    expect(list[0]?.originalName).toBe('Quyết định 123.pdf'.normalize('NFC'));
    expect(list[0]?.usage.map((u) => u.nodeCode)).toEqual(['1.1.1', '1.1.2']);
    expect(list[0]?.fileKind).toBe('pdf');
  });

  it('refuses a renamed .exe (MZ header) pretending to be a PDF, and keeps nothing of it', async () => {
    s = await setupEvidence();
    const p = writeSource(s.files, 'bao-cao.pdf', exeBytes());
    const err = await attachFiles(s.b.ctx.db, s.b.dataDir, { assessmentId: s.assessmentId, nodeId: N1, files: [{ path: p, name: 'bao-cao.pdf' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppFailure);
    expect((err as AppFailure).code).toBe('BAD_FILE');
    expect((err as AppFailure).message).toMatch(/chương trình chạy được/);
    expect(storeFiles(s.b.dataDir)).toEqual([]);
    expect(tempFiles(s.b.dataDir)).toEqual([]);
    expect(docCount(s)).toBe(0);
  });

  it('refuses a file over the cap with FILE_TOO_LARGE and a Vietnamese message, attaching the others', async () => {
    s = await setupEvidence();
    const big = writeSource(s.files, 'lon.pdf', pdfBytes(300_000));
    const small = writeSource(s.files, 'nho.pdf', pdfBytes(1000));
    const r = await attachFiles(
      s.b.ctx.db,
      s.b.dataDir,
      { assessmentId: s.assessmentId, nodeId: null, files: [{ path: big, name: 'lon.pdf' }, { path: small, name: 'nho.pdf' }] },
      { maxBytes: 100_000 },
    );
    expect(r.documents).toHaveLength(1);
    expect(r.refused).toEqual([expect.objectContaining({ name: 'lon.pdf', code: 'FILE_TOO_LARGE' })]);
    expect(r.refused[0]?.message).toMatch(/quá lớn.*tối đa/);
    const only = await attachFiles(s.b.ctx.db, s.b.dataDir, { assessmentId: s.assessmentId, nodeId: null, files: [{ path: big, name: 'lon.pdf' }] }, { maxBytes: 100_000 }).catch((e: unknown) => e);
    expect((only as AppFailure).code).toBe('FILE_TOO_LARGE');
  });

  it('a crash after the rename but before the row commits leaves a whole file and no row; GC collects it', async () => {
    s = await setupEvidence();
    const data = pdfBytes(10_000);
    const p = writeSource(s.files, 'a.pdf', data);
    const crash = () => {
      throw new Error('simulated crash');
    };
    await expect(
      attachFiles(s.b.ctx.db, s.b.dataDir, { assessmentId: s.assessmentId, nodeId: N1, files: [{ path: p, name: 'a.pdf' }] }, { faults: { afterRename: crash } }),
    ).rejects.toThrow('simulated crash');
    expect(docCount(s)).toBe(0);
    const files = storeFiles(s.b.dataDir);
    expect(files).toHaveLength(1);
    expect(sha256(readFileSync(files[0] ?? ''))).toBe(sha256(data)); // never a half file under its final name
    expect(sweepStore(s.b.ctx.db, s.b.dataDir, 0, Date.now() + 1000)).toEqual([sha256(data)]);
    expect(storeFiles(s.b.dataDir)).toEqual([]);
  });

  it('a crash (or full disk) while copying leaves no temp file, no stored file and no row', async () => {
    s = await setupEvidence();
    const p = writeSource(s.files, 'b.pdf', pdfBytes(3_000_000));
    const enospc = Object.assign(new Error('no space'), { code: 'ENOSPC' });
    await expect(
      attachFiles(s.b.ctx.db, s.b.dataDir, { assessmentId: s.assessmentId, nodeId: N1, files: [{ path: p, name: 'b.pdf' }] }, {
        faults: { onChunk: (n) => { if (n > 1_000_000) throw enospc; } },
      }),
    ).rejects.toMatchObject({ code: 'ENOSPC' });
    let seenTemp = '';
    await expect(
      attachFiles(s.b.ctx.db, s.b.dataDir, { assessmentId: s.assessmentId, nodeId: N1, files: [{ path: p, name: 'b.pdf' }] }, {
        faults: { afterTempWritten: (t) => { seenTemp = t; throw new Error('crash before rename'); } },
      }),
    ).rejects.toThrow('crash before rename');
    // The copy went to a temp file of this process in the data folder's tmp/ (ev-<pid>-<16 hex>.part).
    expect(dirname(seenTemp)).toBe(dataPaths(s.b.dataDir).tmp);
    expect(basename(seenTemp)).toMatch(new RegExp(`^ev-${process.pid}-[0-9a-f]{16}\\.part$`));
    expect(existsSync(seenTemp)).toBe(false);
    expect(tempFiles(s.b.dataDir)).toEqual([]);
    expect(storeFiles(s.b.dataDir)).toEqual([]);
    expect(docCount(s)).toBe(0);
  });

  it('cancelling an attach removes the temp copy and records nothing', async () => {
    s = await setupEvidence();
    const p = writeSource(s.files, 'c.pdf', pdfBytes(8_000_000));
    const ac = new AbortController();
    const err = await attachFiles(s.b.ctx.db, s.b.dataDir, { assessmentId: s.assessmentId, nodeId: null, files: [{ path: p, name: 'c.pdf' }] }, {
      signal: ac.signal,
      onProgress: (done) => { if (done > 1_000_000) ac.abort(); },
    }).catch((e: unknown) => e);
    expect((err as AppFailure).code).toBe('CANCELLED');
    expect(tempFiles(s.b.dataDir)).toEqual([]);
    expect(storeFiles(s.b.dataDir)).toEqual([]);
    expect(docCount(s)).toBe(0);
  });

  it('startup cleanup removes temp files of dead processes but not live work', async () => {
    s = await setupEvidence();
    const tmp = dataPaths(s.b.dataDir).tmp;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(tmp, 'ev-999999999-deadbeef.part'), 'half');
    writeFileSync(join(tmp, `ev-${process.pid}-cafe.part`), 'not in flight');
    writeFileSync(join(tmp, 'unrelated.txt'), 'keep');
    const removed = cleanupTempFiles(s.b.dataDir).sort();
    expect(removed).toEqual([`ev-${process.pid}-cafe.part`, 'ev-999999999-deadbeef.part'].sort());
    expect(existsSync(join(tmp, 'unrelated.txt'))).toBe(true);
  });
});
