import { createHash, randomUUID } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ExplanationBatchResult } from '../../../shared/ipc/channels/decisions';
import type { InboxImportResult } from '../../../shared/ipc/channels/inbox';
import type { RoundDetail } from '../../../shared/ipc/channels/round';
import { EXPLANATION_PATH } from '../../../shared/schemas/explanation';
import type { Explanation, ExplanationItem } from '../../../shared/schemas/explanation';
import type { Job } from '../../../shared/schemas/job';
import type { Backend } from '../../../electron/backend/backend';
import type { BuilderAnswer } from '../../../electron/backend/services/bundle/submission-builder';
import { packContainer } from '../../../electron/backend/services/bundle/pack-container';
import type { PackEvidence } from '../../../electron/backend/services/bundle/pack-container';
import { unitDay } from '../../../electron/backend/services/assessments/unit-day';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { createTestPki } from '../../helpers/pki';
import type { TestCert, TestPki } from '../../helpers/pki';
import { testSigner } from '../bundle/craft';
import { makeBundle, registerUnit, trustTestPki } from '../inbox/make-bundle';
import type { UnitSpec } from '../inbox/make-bundle';
import { installOfficialSets, SNV } from '../round/fixtures';

/**
 * A Sở Nội vụ installation with four phường of 2025, each having sent the same three answers (1.1.1 "đúng
 * hạn" 1 point, 2.2 "đạt" 1,5, 3.1 met 1,5: self total 4 points, every other leaf unanswered so the
 * denominator stays the set's 100 points), a round whose giải trình window includes today, and an
 * appraisal result issued to each (rows of issued_result as the results export writes them).
 */
export const HA: UnitSpec = { code: 'P-HA', name: 'UBND phường Hải An', type: 'PHUONG' };
export const DH: UnitSpec = { code: 'P-DH', name: 'UBND phường Dư Hàng', type: 'PHUONG' };
export const KA: UnitSpec = { code: 'P-KA', name: 'UBND phường Kiến An', type: 'PHUONG' };
export const NQ: UnitSpec = { code: 'P-NQ', name: 'UBND phường Ngô Quyền', type: 'PHUONG' };
export const UNITS = [HA, DH, KA, NQ];

const day = (now: Date, offset: number): string => unitDay(new Date(now.getTime() + offset * 86_400_000));
/** Around the backend's "now" (the e2e harness fixes it). */
export const openWindow = (now = new Date()) => ({ selfAssessmentDue: day(now, -30), explanationStart: day(now, -1), explanationEnd: day(now, 1) });
export const pastWindow = (now = new Date()) => ({ selfAssessmentDue: day(now, -30), explanationStart: day(now, -10), explanationEnd: day(now, -1) });

const THREE = new Map<string, BuilderAnswer['inputs']>([
  ['xa25-1.1.1', { levelId: 'dung_han' }],
  ['xa25-2.2', { levelId: 'dat' }],
  ['xa25-3.1', { met: true }],
]);

export type Issued = { resultId: string; revision: number; sha256: string; importId: string };
export type World<B extends Backend = TestBackend> = { b: B; pki: TestPki; work: string; round: RoundDetail; imports: Map<string, InboxImportResult>; issued: Map<string, Issued> };

export const signerOf = (u: UnitSpec, pki: TestPki): TestCert => (u.code === DH.code ? pki.secondLeaf : pki.leaf);

/** Writes an issued_result row (what the results export records) and returns what a giải trình must name. */
export const issueResult = (w: Pick<World<Backend>, 'b' | 'round' | 'issued'>, u: UnitSpec, importId: string, revision = 1, resultId = w.issued.get(u.code)?.resultId ?? randomUUID()): Issued => {
  const sha256 = createHash('sha256').update(`${resultId}/${revision}`).digest('hex');
  w.b.ctx.db
    .prepare(
      `INSERT INTO issued_result (result_id, revision, import_id, round_id, year, unit_code, unit_type, package_sha256, package_size, file_name, result_json, issued_at)
       VALUES (?, ?, ?, ?, 2025, ?, 'PHUONG', ?, 1000, 'x.asice', ?, ?)`,
    )
    .run(resultId, revision, importId, w.round.id, u.code, sha256, JSON.stringify({ criteria: [] }), new Date(Date.now() + revision).toISOString());
  const issued = { resultId, revision, sha256, importId };
  w.issued.set(u.code, issued);
  return issued;
};

export const createWorld = async (): Promise<World> => {
  const pki = await createTestPki();
  const b = createTestBackend();
  return seedWorld(b, b.dataDir, pki, UNITS);
};

/** The same installation on any backend (the e2e harness's too), with the given units. */
export const seedWorld = async <B extends Backend>(b: B, dataDir: string, pki: TestPki, units: UnitSpec[]): Promise<World<B>> => {
  trustTestPki(dataDir, pki);
  installOfficialSets(b);
  await callOk(b, 'unit.save', SNV);
  const work = makeTempDir('cchc-decisions-');
  for (const u of units) registerUnit(b, u, [signerOf(u, pki)]);
  const round = await callOk<RoundDetail>(b, 'round.save', {
    year: 2025,
    sets: [
      { block: 'SO', setId: 'hp-2025-so', setVersion: '2025.1' },
      { block: 'PHUONG', setId: 'hp-2025-xa-phuong', setVersion: '2025.1' },
      { block: 'XA_DAC_KHU', setId: 'hp-2025-xa-phuong', setVersion: '2025.1' },
    ],
    deadlines: openWindow(b.ctx.now()),
  });
  const imports = new Map<string, InboxImportResult>();
  const issued = new Map<string, Issued>();
  const w: World<B> = { b, pki, work, round, imports, issued };
  let n = 0;
  for (const u of units) {
    const file = await makeBundle(b, pki, join(work, `sub-${u.code}.asice`), {
      unit: u,
      submissionId: `0190a1b2-c3d4-7e5f-8a9b-${String(++n).padStart(12, '0')}`,
      ...(u.code === DH.code ? { p12: pki.p12.secondAscii } : {}),
      tweak: (as) => as.filter((a) => THREE.has(a.nodeId)).map((a) => ({ ...a, inputs: THREE.get(a.nodeId)!, notApplicable: null })),
    });
    const up = b.ctx.uploads.register(file, 'hoso.asice', statSync(file).size);
    const job = await b.ctx.jobs.wait((await callOk<Job>(b, 'inbox.import', { uploadId: up.id })).id);
    if (job.state !== 'done') throw new Error(`submission of ${u.code}: ${JSON.stringify(job.error)}`);
    const r = job.result as InboxImportResult;
    imports.set(u.code, r);
    issueResult(w, u, r.importId);
  }
  return w;
};

/** A giải trình package as the unit's app would sign it (test PKI), with optional new evidence files. */
export const packExplanation = async (
  w: World<Backend>,
  u: UnitSpec,
  o: { items: Omit<ExplanationItem, 'evidence'>[]; explanationId?: string; revision?: number; answers?: Partial<Explanation['answers']>; signer?: TestCert; evidence?: { data: string | Buffer; name: string }[]; patch?: (x: Explanation) => Explanation },
): Promise<string> => {
  const dir = makeTempDir('cchc-expl-');
  const files: PackEvidence[] = (o.evidence ?? []).map((e, i) => {
    const data = Buffer.from(e.data);
    const source = join(dir, `e${i}.pdf`);
    writeFileSync(source, data);
    return { path: `evidence/${String(i + 1).padStart(4, '0')}.pdf`, source, size: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  });
  const issued = w.issued.get(u.code)!;
  let x: Explanation = {
    format: 'SATB/1',
    kind: 'explanation',
    explanationId: o.explanationId ?? randomUUID(),
    revision: o.revision ?? 1,
    createdAt: new Date().toISOString(),
    app: { name: 'CCHC Tự đánh giá', version: '0.1.0' },
    roundId: w.round.id,
    year: 2025,
    unit: { code: u.code, name: u.name, block: u.type },
    answers: { resultId: issued.resultId, resultRevision: issued.revision, resultSha256: issued.sha256, ...o.answers },
    items: o.items.map((it, i) => ({ ...it, evidence: i === 0 ? files.map((f) => f.path) : [] })),
    evidence: files.map((f, i) => ({ path: f.path, size: f.size, sha256: f.sha256, originalName: o.evidence![i]!.name, mediaType: 'application/pdf' })),
  };
  if (o.patch) x = o.patch(x);
  const out = join(w.work, `expl-${randomUUID()}.asice`);
  const cert = o.signer ?? signerOf(u, w.pki);
  await packContainer({ out, content: { path: EXPLANATION_PATH, value: x }, files, buffers: [], signer: testSigner(cert, [w.pki.intermediate]), now: new Date() });
  return out;
};

/** Imports files through the channel and waits for the job; answers its outcomes. */
export const importFiles = async (w: World<Backend>, files: string[]): Promise<ExplanationBatchResult['outcomes']> => {
  const ids = files.map((f) => w.b.ctx.uploads.register(f, f.split('/').pop()!, statSync(f).size).id);
  const job = await w.b.ctx.jobs.wait((await callOk<Job>(w.b, 'decisions.import', { uploadIds: ids })).id);
  if (job.state !== 'done') throw new Error(`decisions.import: ${JSON.stringify(job.error)}`);
  return (job.result as ExplanationBatchResult).outcomes;
};

export const count = (w: World, table: string): number => (w.b.ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
export const stored = (w: World) => ({ explanations: count(w, 'received_explanation'), items: count(w, 'received_explanation_item'), evidence: count(w, 'received_explanation_evidence') });
