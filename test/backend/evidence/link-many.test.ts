import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { LINK_MANY_MAX } from '../../../shared/schemas/evidence';
import type { AttachResult, EvidenceDocument } from '../../../shared/schemas/evidence';
import type { Job } from '../../../shared/schemas/job';
import { callOk } from '../../helpers/backend';
import { N1, N2, pdfBytes, setupEvidence, writeSource } from './fixtures';
import type { EvidenceSetup } from './fixtures';

let s: EvidenceSetup | undefined;
afterEach(() => {
  s?.cleanup();
  s = undefined;
});

const N3 = 'so25-1.2';
const N4 = 'so25-1.3.1';

const attachOne = async (st: EvidenceSetup, nodeId: string | null): Promise<string> => {
  const data = pdfBytes();
  const p = writeSource(st.files, 'report.pdf', data);
  const uploadId = st.b.ctx.uploads.register(p, 'Báo cáo CCHC 2025.pdf', data.length).id;
  const job = await callOk<Job>(st.b, 'evidence.attach', { assessmentId: st.assessmentId, nodeId, source: { kind: 'uploads', uploadIds: [uploadId] } });
  const done = await st.b.ctx.jobs.wait(job.id);
  return (done.result as AttachResult).documents[0]?.documentId ?? '';
};

/** Every file under the content-addressed store (evidence/ab/cd/<sha256>). */
const storedFiles = (dataDir: string): string[] => {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(join(dataDir, 'evidence'));
  return out;
};

describe('evidence.linkMany: one stored document used for many criteria', () => {
  it('links the same document to every chosen criterion in one call, one file in the store, already-linked ones counted', async () => {
    s = await setupEvidence();
    const id = await attachOne(s, N1);
    const r = await callOk<{ document: EvidenceDocument; linked: number; alreadyLinked: number }>(s.b, 'evidence.linkMany', {
      documentId: id,
      nodeIds: [N1, N2, N3, N4, N2],
    });
    expect(r.linked).toBe(3);
    expect(r.alreadyLinked).toBe(1);
    expect(r.document.usage.map((u) => u.nodeId).sort()).toEqual([N1, N2, N3, N4].sort());
    for (const n of [N1, N2, N3, N4]) {
      const docs = await callOk<EvidenceDocument[]>(s.b, 'evidence.forNode', { assessmentId: s.assessmentId, nodeId: n });
      expect(docs.map((d) => d.id)).toEqual([id]);
    }
    const lib = await callOk<EvidenceDocument[]>(s.b, 'evidence.list', { assessmentId: s.assessmentId });
    expect(lib).toHaveLength(1);
    expect(storedFiles(s.b.dataDir)).toHaveLength(1);
  });

  it('links nothing when one node is not a criterion that takes evidence (unknown, a group, a survey node)', async () => {
    s = await setupEvidence();
    const id = await attachOne(s, null);
    for (const [bad, reason] of [
      ['so25-no-such', 'NODE_NOT_IN_SET'],
      ['so25-1.1', 'NODE_NOT_A_LEAF'],
      ['so25-1.7', 'NODE_IS_SURVEY'],
    ] as const) {
      const res = await s.b.call('evidence.linkMany', { documentId: id, nodeIds: [N1, N2, bad] });
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.reason).toBe(reason);
    }
    const lib = await callOk<EvidenceDocument[]>(s.b, 'evidence.list', { assessmentId: s.assessmentId });
    expect(lib[0]?.usage).toEqual([]);
  });

  it('refuses a locked assessment with LOCKED and links nothing', async () => {
    s = await setupEvidence();
    const id = await attachOne(s, null);
    s.b.ctx.db.prepare("UPDATE assessment SET status = 'locked' WHERE id = ?").run(s.assessmentId);
    const res = await s.b.call('evidence.linkMany', { documentId: id, nodeIds: [N1, N2] });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('LOCKED');
    const n = s.b.ctx.db.prepare('SELECT COUNT(*) AS n FROM evidence_link').get() as { n: number };
    expect(n.n).toBe(0);
  });

  it('takes ids only, within the count limit', async () => {
    s = await setupEvidence();
    const id = await attachOne(s, null);
    for (const payload of [
      { documentId: id, nodeIds: [] },
      { documentId: id, nodeIds: Array.from({ length: LINK_MANY_MAX + 1 }, (_, i) => `n${i}`) },
      { documentId: id, nodeIds: ['../../etc/passwd'] },
      { documentId: '/tmp/x.pdf', nodeIds: [N1] },
      { documentId: id, nodeIds: [N1], path: '/tmp/x.pdf' },
    ]) {
      const res = await s.b.call('evidence.linkMany', payload);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.code).toBe('VALIDATION');
    }
  });
});
