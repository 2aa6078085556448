import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import { assertEvidenceIntact } from '../../../electron/backend/services/evidence/verify';
import { storePathFor } from '../../../electron/backend/services/evidence/store';
import { filterDocuments, foldForSearch } from '../../../shared/schemas/evidence';
import type { AttachResult, EvidenceCheck, EvidenceDocument } from '../../../shared/schemas/evidence';
import type { Job } from '../../../shared/schemas/job';
import { callOk } from '../../helpers/backend';
import { docxBytes, N1, N2, pdfBytes, pngBytes, setupEvidence, sha256, writeSource } from './fixtures';
import type { EvidenceSetup } from './fixtures';

let s: EvidenceSetup | undefined;
afterEach(() => {
  s?.cleanup();
  s = undefined;
});

const attachUploads = async (st: EvidenceSetup, nodeId: string | null, files: Array<{ name: string; data: Buffer }>): Promise<Job> => {
  const uploadIds = files.map((f) => {
    const p = writeSource(st.files, `up-${Math.random().toString(36).slice(2)}`, f.data);
    return st.b.ctx.uploads.register(p, f.name, f.data.length).id;
  });
  const job = await callOk<Job>(st.b, 'evidence.attach', { assessmentId: st.assessmentId, nodeId, source: { kind: 'uploads', uploadIds } });
  return st.b.ctx.jobs.wait(job.id);
};

const meta = { docType: 'Quyết định', docNumber: '123/QĐ-UBND', issuedOn: '2024-12-30', summary: 'Ban hành Kế hoạch cải cách hành chính năm 2025', issuer: 'UBND thành phố Hải Phòng', note: '' };

describe('evidence channels', () => {
  it('attaches uploads as a job with progress, then lists, links, edits and unlinks consistently', async () => {
    s = await setupEvidence();
    const pdf = pdfBytes(100_000);
    const job = await attachUploads(s, N1, [
      { name: 'Kế hoạch CCHC 2025.pdf', data: pdf },
      { name: 'ảnh.png', data: pngBytes() },
    ]);
    expect(job.state).toBe('done');
    expect(job.progress.total).toBe(pdf.length + pngBytes().length);
    expect(job.progress.done).toBe(job.progress.total);
    const result = job.result as AttachResult;
    expect(result.documents).toHaveLength(2);
    const pdfId = result.documents[0]?.documentId ?? '';

    await callOk(s.b, 'evidence.link', { documentId: pdfId, nodeId: N2 });
    await callOk(s.b, 'evidence.link', { documentId: pdfId, nodeId: N2 }); // idempotent
    expect((await callOk<EvidenceDocument[]>(s.b, 'evidence.forNode', { assessmentId: s.assessmentId, nodeId: N1 })).map((d) => d.id)).toContain(pdfId);
    const n2 = await callOk<EvidenceDocument[]>(s.b, 'evidence.forNode', { assessmentId: s.assessmentId, nodeId: N2 });
    expect(n2.map((d) => d.id)).toEqual([pdfId]);

    const edited = await callOk<EvidenceDocument>(s.b, 'evidence.updateMeta', { documentId: pdfId, meta: { ...meta, summary: meta.summary.normalize('NFD') } });
    expect(edited.meta.summary).toBe(meta.summary.normalize('NFC'));
    expect(edited.warnings).toEqual(['ISSUED_OUTSIDE_YEAR']);
    const inYear = await callOk<EvidenceDocument>(s.b, 'evidence.updateMeta', { documentId: pdfId, meta: { ...meta, issuedOn: '2025-01-05' } });
    expect(inYear.warnings).toEqual([]);
    const bad = await s.b.call('evidence.updateMeta', { documentId: pdfId, meta: { ...meta, issuedOn: '2025-13-45' } });
    expect(bad.ok).toBe(false);

    const after = await callOk<EvidenceDocument>(s.b, 'evidence.unlink', { documentId: pdfId, nodeId: N1 });
    expect(after.usage.map((u) => u.nodeId)).toEqual([N2]);
    const lib = await callOk<EvidenceDocument[]>(s.b, 'evidence.list', { assessmentId: s.assessmentId });
    expect(lib.find((d) => d.id === pdfId)?.usage).toEqual([{ nodeId: N2, nodeCode: '1.1.2', nodeTitle: expect.any(String) }]);
    expect(lib.find((d) => d.id === pdfId)?.meta.docNumber).toBe('123/QĐ-UBND');
  });

  it('a web upload is consumed (temp copy deleted) and a second attach of the same bytes is deduplicated', async () => {
    s = await setupEvidence();
    const data = pdfBytes();
    const p = writeSource(s.files, 'u1', data);
    const id = s.b.ctx.uploads.register(p, 'a.pdf', data.length).id;
    (s.b.ctx.host as { kind: string }).kind = 'web';
    const job = await callOk<Job>(s.b, 'evidence.attach', { assessmentId: s.assessmentId, nodeId: N1, source: { kind: 'uploads', uploadIds: [id] } });
    await s.b.ctx.jobs.wait(job.id);
    expect(existsSync(p)).toBe(false);
    const again = await attachUploads(s, N2, [{ name: 'b.pdf', data }]);
    expect((again.result as AttachResult).documents[0]?.deduplicated).toBe(true);
  });

  it('attaches from the native file dialog, and a refused file fails the job with its message', async () => {
    s = await setupEvidence();
    const ok = writeSource(s.files, 'bien-ban.docx', await docxBytes());
    s.b.host.nextPicks.push([ok]);
    const job = await callOk<Job>(s.b, 'evidence.attach', { assessmentId: s.assessmentId, nodeId: N1, source: { kind: 'dialog' } });
    const done = await s.b.ctx.jobs.wait(job.id);
    expect(done.state).toBe('done');
    const exe = writeSource(s.files, 'virus.pdf', Buffer.from('MZ this is not a pdf'));
    s.b.host.nextPicks.push([exe]);
    const j2 = await s.b.ctx.jobs.wait((await callOk<Job>(s.b, 'evidence.attach', { assessmentId: s.assessmentId, nodeId: N1, source: { kind: 'dialog' } })).id);
    expect(j2.state).toBe('failed');
    expect(j2.error?.code).toBe('BAD_FILE');
    const j3 = await s.b.ctx.jobs.wait((await callOk<Job>(s.b, 'evidence.attach', { assessmentId: s.assessmentId, nodeId: N1, source: { kind: 'dialog' } })).id);
    expect(j3.state).toBe('cancelled'); // dialog closed without a choice
  });

  it('previews PDF/images through a served id (never a path), opens others as a read-only copy', async () => {
    s = await setupEvidence();
    const job = await attachUploads(s, N1, [{ name: 'a.pdf', data: pdfBytes() }, { name: 'b.docx', data: await docxBytes() }]);
    const [pdf, docx] = (job.result as AttachResult).documents;
    const pv = await callOk<{ fileId: string; mimeType: string }>(s.b, 'evidence.preview', { documentId: pdf?.documentId });
    expect(pv.mimeType).toBe('application/pdf');
    const served = s.b.ctx.served.get(pv.fileId);
    expect(served.disposition).toBe('inline');
    const notPreviewable = await s.b.call('evidence.preview', { documentId: docx?.documentId });
    expect(!notPreviewable.ok && notPreviewable.error.code).toBe('UNSUPPORTED');
    const opened = await callOk<{ opened: boolean; fileName: string }>(s.b, 'evidence.openExternal', { documentId: docx?.documentId });
    expect(opened).toMatchObject({ opened: true, fileName: 'b.docx' });
    const shown = s.b.host.shown.at(-1) ?? '';
    expect(shown).not.toContain('evidence');
    expect(readFileSync(shown).length).toBeGreaterThan(0);
  });

  it('reports files that vanished or changed in the store (FILE_CHANGED), never silently', async () => {
    s = await setupEvidence();
    const a = pdfBytes();
    const b = pdfBytes();
    const c = pdfBytes();
    await attachUploads(s, N1, [{ name: 'a.pdf', data: a }, { name: 'b.pdf', data: b }, { name: 'c.pdf', data: c }]);
    expect((await callOk<EvidenceCheck>(s.b, 'evidence.check', { assessmentId: s.assessmentId })).ok).toBe(true);
    const { rmSync } = await import('node:fs');
    rmSync(storePathFor(s.b.dataDir, sha256(a)), { force: true });
    const pb = storePathFor(s.b.dataDir, sha256(b));
    chmodSync(pb, 0o644);
    writeFileSync(pb, Buffer.concat([b, Buffer.from('x')]));
    const pc = storePathFor(s.b.dataDir, sha256(c));
    chmodSync(pc, 0o644);
    const flipped = Buffer.from(c);
    flipped[100] = (flipped[100] ?? 0) ^ 0xff;
    writeFileSync(pc, flipped);
    const report = await callOk<EvidenceCheck>(s.b, 'evidence.check', { assessmentId: s.assessmentId });
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.problem).sort()).toEqual(['HASH_CHANGED', 'MISSING', 'SIZE_CHANGED']);
    await expect(assertEvidenceIntact(s.b.ctx.db, s.b.dataDir, s.assessmentId)).rejects.toMatchObject({ code: 'FILE_CHANGED' });
    const docs = await callOk<EvidenceDocument[]>(s.b, 'evidence.list', { assessmentId: s.assessmentId });
    const missing = docs.find((d) => d.sha256 === sha256(a));
    const pv = await s.b.call('evidence.preview', { documentId: missing?.id });
    expect(!pv.ok && pv.error.code).toBe('FILE_CHANGED');
  });

  it('refuses path-like or unknown ids at the schema', async () => {
    s = await setupEvidence();
    const res = await s.b.call('evidence.preview', { documentId: '../../etc/passwd' });
    expect(!res.ok && res.error.code).toBe('VALIDATION');
    const res2 = await s.b.call('evidence.attach', { assessmentId: s.assessmentId, nodeId: N1, source: { kind: 'path', path: '/etc/passwd' } });
    expect(!res2.ok && res2.error.code).toBe('VALIDATION');
  });
});

describe('library search', () => {
  const doc = (originalName: string, summary: string, usage: string[] = []) => ({
    originalName,
    fileKind: 'pdf' as const,
    meta: { ...meta, summary },
    usage: usage.map((c) => ({ nodeId: c, nodeCode: c, nodeTitle: null })),
  });
  it('matches without diacritics, by every word, with kind and usage filters', () => {
    expect(foldForSearch('  Quyết ĐỊNH   số 12 ')).toBe('quyet dinh so 12');
    const docs = [doc('kh.pdf', 'Kế hoạch tuyên truyền CCHC', ['1.4']), doc('bc.pdf', 'Báo cáo quý I'), doc('đề án.pdf', 'Đề án vị trí việc làm')];
    expect(filterDocuments(docs, { query: 'tuyen truyen' }).map((d) => d.originalName)).toEqual(['kh.pdf']);
    expect(filterDocuments(docs, { query: 'de an' }).map((d) => d.originalName)).toEqual(['đề án.pdf']);
    expect(filterDocuments(docs, { query: 'bao cao quy' })).toHaveLength(1);
    expect(filterDocuments(docs, { query: 'bao cao nam' })).toHaveLength(0);
    expect(filterDocuments(docs, { usage: 'unused' })).toHaveLength(2);
    expect(filterDocuments(docs, { usage: 'used', query: '1.4' })).toHaveLength(1);
    expect(filterDocuments(docs, { fileKind: 'docx' })).toHaveLength(0);
  });
});
