import { existsSync, statSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import { attachFiles } from '../../../electron/backend/services/evidence/attach';
import { deleteBlobIfUnreferenced, EVIDENCE_REFERENCE_TABLES, registerEvidenceReference, sweepStore } from '../../../electron/backend/services/evidence/gc';
import { storePathFor } from '../../../electron/backend/services/evidence/store';
import { insertAssessment } from '../../../electron/backend/db/repos/assessment-repo';
import type { Assessment } from '../../../shared/schemas/assessment';
import { callOk } from '../../helpers/backend';
import { N1, N2, pdfBytes, setupEvidence, sha256, writeSource } from './fixtures';
import type { EvidenceSetup } from './fixtures';

let s: EvidenceSetup | undefined;
const savedRefs = [...EVIDENCE_REFERENCE_TABLES];
afterEach(() => {
  s?.cleanup();
  s = undefined;
  EVIDENCE_REFERENCE_TABLES.splice(0, EVIDENCE_REFERENCE_TABLES.length, ...savedRefs);
});

const attachOne = async (st: EvidenceSetup, assessmentId: string, data: Buffer, nodeId: string | null = N1) => {
  const p = writeSource(st.files, `f-${sha256(data).slice(0, 8)}.pdf`, data);
  const r = await attachFiles(st.b.ctx.db, st.b.dataDir, { assessmentId, nodeId, files: [{ path: p, name: 'tai-lieu.pdf' }] });
  return r.documents[0]?.documentId ?? '';
};

describe('garbage collection never removes a referenced file', () => {
  it('unlinking keeps the document and its file; removing the last document deletes the file', async () => {
    s = await setupEvidence();
    const data = pdfBytes();
    const id = await attachOne(s, s.assessmentId, data);
    await callOk(s.b, 'evidence.link', { documentId: id, nodeId: N2 });
    const path = storePathFor(s.b.dataDir, sha256(data));
    await callOk(s.b, 'evidence.unlink', { documentId: id, nodeId: N1 });
    await callOk(s.b, 'evidence.unlink', { documentId: id, nodeId: N2 });
    expect(existsSync(path)).toBe(true);
    expect(await callOk(s.b, 'evidence.remove', { documentId: id })).toEqual({ removed: true, fileDeleted: true });
    expect(existsSync(path)).toBe(false);
  });

  it('keeps a file another assessment still uses', async () => {
    s = await setupEvidence();
    const base = await callOk<Assessment>(s.b, 'assessments.get', { assessmentId: s.assessmentId });
    const otherId = insertAssessment(s.b.ctx.db, { ...base, id: 'other-assessment', year: 2024 }).id;
    const data = pdfBytes();
    const id1 = await attachOne(s, s.assessmentId, data);
    const id2 = await attachOne(s, otherId, data);
    expect(id1).not.toBe(id2);
    const res = await callOk<{ fileDeleted: boolean }>(s.b, 'evidence.remove', { documentId: id1 });
    expect(res.fileDeleted).toBe(false);
    expect(existsSync(storePathFor(s.b.dataDir, sha256(data)))).toBe(true);
    expect((await callOk<{ fileDeleted: boolean }>(s.b, 'evidence.remove', { documentId: id2 })).fileDeleted).toBe(true);
  });

  it('keeps a file a bundle/submission table points at, even after its document is gone and in a full sweep', async () => {
    s = await setupEvidence();
    s.b.ctx.db.exec('CREATE TABLE test_bundle_evidence (sha256 TEXT NOT NULL) STRICT');
    registerEvidenceReference({ table: 'test_bundle_evidence', column: 'sha256' });
    const data = pdfBytes();
    const h = sha256(data);
    const id = await attachOne(s, s.assessmentId, data);
    s.b.ctx.db.prepare('INSERT INTO test_bundle_evidence (sha256) VALUES (?)').run(h);
    expect((await callOk<{ fileDeleted: boolean }>(s.b, 'evidence.remove', { documentId: id })).fileDeleted).toBe(false);
    expect(sweepStore(s.b.ctx.db, s.b.dataDir, 0, Date.now() + 10_000)).toEqual([]);
    expect(existsSync(storePathFor(s.b.dataDir, h))).toBe(true);
    s.b.ctx.db.prepare('DELETE FROM test_bundle_evidence').run();
    expect(deleteBlobIfUnreferenced(s.b.ctx.db, s.b.dataDir, h)).toBe(true);
  });

  it('treats a registered table that does not exist as a reference (when in doubt, keep)', async () => {
    s = await setupEvidence();
    registerEvidenceReference({ table: 'not_created_yet', column: 'sha256' });
    const data = pdfBytes();
    const id = await attachOne(s, s.assessmentId, data);
    expect((await callOk<{ fileDeleted: boolean }>(s.b, 'evidence.remove', { documentId: id })).fileDeleted).toBe(false);
    expect(() => registerEvidenceReference({ table: 'x; DROP TABLE y', column: 'sha256' })).toThrow();
  });

  it('a sweep leaves unreferenced files inside the grace period alone', async () => {
    s = await setupEvidence();
    const data = pdfBytes();
    const id = await attachOne(s, s.assessmentId, data);
    s.b.ctx.db.prepare('DELETE FROM evidence_document WHERE id = ?').run(id);
    const path = storePathFor(s.b.dataDir, sha256(data));
    expect(sweepStore(s.b.ctx.db, s.b.dataDir, 60_000, statSync(path).mtimeMs + 1000)).toEqual([]);
    expect(sweepStore(s.b.ctx.db, s.b.dataDir, 60_000, statSync(path).mtimeMs + 61_000)).toEqual([sha256(data)]);
  });

  it('refuses every write with LOCKED once the assessment is locked, and keeps its files', async () => {
    s = await setupEvidence();
    const data = pdfBytes();
    const id = await attachOne(s, s.assessmentId, data);
    s.b.ctx.db.prepare("UPDATE assessment SET status = 'locked' WHERE id = ?").run(s.assessmentId);
    for (const [channel, payload] of [
      ['evidence.link', { documentId: id, nodeId: N2 }],
      ['evidence.unlink', { documentId: id, nodeId: N1 }],
      ['evidence.remove', { documentId: id }],
      ['evidence.updateMeta', { documentId: id, meta: { docType: 'x', docNumber: '', issuedOn: '', summary: '', issuer: '', note: '' } }],
      ['evidence.attach', { assessmentId: s.assessmentId, nodeId: N1, source: { kind: 'dialog' } }],
    ] as const) {
      const res = await s.b.call(channel, payload);
      expect(res.ok, channel).toBe(false);
      if (!res.ok) expect(res.error.code).toBe('LOCKED');
    }
    expect(existsSync(storePathFor(s.b.dataDir, sha256(data)))).toBe(true);
  });
});
