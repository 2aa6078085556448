import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { InboxDetail, InboxImportResult, InboxRow } from '../../../shared/ipc/channels/inbox';
import type { Job } from '../../../shared/schemas/job';
import type { VerifyResult } from '../../../shared/schemas/submission';
import { importBundle, verifyAndStage } from '../../../electron/backend/services/inbox/import-bundle';
import { dataPaths } from '../../../electron/backend/data-dir';
import { storePathFor } from '../../../electron/backend/services/evidence/store';
import { EVIDENCE_REFERENCE_TABLES, isBlobReferenced } from '../../../electron/backend/services/evidence/gc';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { makeBundle, registerUnit, SO_UNIT, tamperEvidence, trustTestPki } from './make-bundle';

let pki: TestPki;
let b: TestBackend;
let work: string;
const SUB_SO = '0190a1b2-c3d4-7e5f-8a9b-000000000001';

beforeAll(async () => {
  pki = await createTestPki();
  b = createTestBackend();
  trustTestPki(b.dataDir, pki);
  work = makeTempDir('cchc-inbox-');
  // Sở Nội vụ's register: every unit these tests send for, each with the test leaf as its signer.
  for (const u of [
    SO_UNIT,
    { code: 'SNgV', name: 'Sở Ngoại vụ', type: 'SO' as const },
    { code: 'P-HA', name: 'UBND phường Hải An', type: 'PHUONG' as const },
    { code: 'P-DK', name: 'UBND phường Đông Khê', type: 'PHUONG' as const },
    { code: 'P-DH', name: 'UBND phường Dư Hàng', type: 'PHUONG' as const },
    { code: 'X-CH', name: 'Đặc khu Cát Hải', type: 'XA_DAC_KHU' as const },
  ]) {
    registerUnit(b, u, [pki.leaf]);
  }
}, 60_000);
afterAll(() => b?.cleanup());

const importFile = async (file: string): Promise<Job> => {
  b.host.nextPicks.push([file]);
  const job = await callOk<Job>(b, 'inbox.import', {});
  return b.ctx.jobs.wait(job.id);
};

const count = (table: string): number => (b.ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const storeFiles = (): string[] => {
  const root = dataPaths(b.dataDir).evidence;
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
};
const tempFiles = (): string[] => (existsSync(dataPaths(b.dataDir).tmp) ? readdirSync(dataPaths(b.dataDir).tmp).filter((n) => n.startsWith('ev-')) : []);

describe('inbox: importing verified bundles (real worker verification, real store, real SQLite)', () => {
  let soImport: InboxImportResult;

  it('imports a valid bundle: evidence lands in the store under its SHA-256, one record with the verification report', async () => {
    const bundle = await makeBundle(b, pki, join(work, 'so-r1.asice'), { unit: SO_UNIT, submissionId: SUB_SO });
    const job = await importFile(bundle);
    expect(job.error).toBeUndefined();
    expect(job.state).toBe('done');
    soImport = job.result as InboxImportResult;
    expect(soImport.status).toBe('VALID');
    expect(soImport.unitType).toBe('SO');
    expect(soImport.year).toBe(2025);
    expect(soImport.evidenceCount).toBeGreaterThan(0);
    expect(soImport.newFiles).toBe(soImport.evidenceCount);

    const ev = b.ctx.db.prepare('SELECT path, sha256, size FROM imported_evidence WHERE import_id = ?').all(soImport.importId) as { path: string; sha256: string; size: number }[];
    expect(ev).toHaveLength(soImport.evidenceCount);
    for (const e of ev) {
      const stored = readFileSync(storePathFor(b.dataDir, e.sha256));
      expect(createHash('sha256').update(stored).digest('hex')).toBe(e.sha256);
      expect(stored.length).toBe(e.size);
      expect(isBlobReferenced(b.ctx.db, e.sha256)).toBe(true);
    }
    expect(EVIDENCE_REFERENCE_TABLES).toContainEqual({ table: 'imported_evidence', column: 'sha256' });
    expect(tempFiles()).toEqual([]);

    const row = b.ctx.db.prepare('SELECT * FROM imported_submission WHERE id = ?').get(soImport.importId) as Record<string, unknown>;
    expect(row.bundle_sha256).toBe(createHash('sha256').update(readFileSync(bundle)).digest('hex'));
    expect(row.signer_subject).toContain('Nguyễn Văn An');
    const report = JSON.parse(row.verification_json as string) as { status: string; signer: { sha256: string }; chain: string[] };
    expect(report.status).toBe('VALID');
    expect(report.signer.sha256).toBe(row.signer_sha256);
    expect(report.chain.length).toBeGreaterThan(0);
    expect(count('imported_answer')).toBeGreaterThan(20);

    // Survey nodes are never taken from the bundle: Sở Nội vụ enters them (here the values the unit declared).
    const declaredSub = JSON.parse(row.submission_json as string) as { answers: { indicatorId: string; value: { inputs: { percent?: number; externalValue?: number } } }[] };
    const before = await callOk<InboxDetail>(b, 'inbox.get', { importId: soImport.importId });
    const surveyLeaves = before.nodes.filter((n) => n.survey !== null);
    expect(surveyLeaves.length).toBeGreaterThan(0);
    expect(surveyLeaves.every((n) => n.self === 0 && n.survey!.value === null)).toBe(true);
    for (const n of surveyLeaves) {
      const inputs = declaredSub.answers.find((a) => a.indicatorId === n.nodeId)!.value.inputs;
      await callOk(b, 'inbox.saveSurvey', { importId: soImport.importId, nodeId: n.nodeId, value: inputs.percent ?? inputs.externalValue! });
    }
    const detail = await callOk<InboxDetail>(b, 'inbox.get', { importId: soImport.importId });
    expect(detail.row.unitName).toBe(SO_UNIT.name);
    expect(detail.verification.signer?.subject).toContain('Nguyễn Văn An');
    expect(detail.totals.appraised.final).toBe(detail.totals.self.final);
    // The self total is the engine's re-computation from the declared inputs: it matches what the unit declared.
    const declared = (JSON.parse(row.submission_json as string) as { totals: { points: number } }).totals.points;
    expect(detail.totals.self.final).toBe(declared);
    const withEvidence = detail.nodes.find((n) => n.isLeaf && n.evidence.length > 0)!;
    expect(detail.evidence.map((e) => e.path)).toEqual(expect.arrayContaining(withEvidence.evidence));

    const pdf = detail.evidence.find((e) => e.previewable)!;
    const pv = await callOk<{ fileId: string }>(b, 'inbox.previewEvidence', { importId: soImport.importId, path: pdf.path });
    expect(b.ctx.served.get(pv.fileId).path).toBe(storePathFor(b.dataDir, pdf.sha256));
  }, 120_000);

  it('re-importing the same bundle is refused with E_REPLAY and stores nothing', async () => {
    const before = { subs: count('imported_submission'), ev: count('imported_evidence'), files: storeFiles().length };
    const job = await importFile(join(work, 'so-r1.asice'));
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('BUNDLE_INVALID');
    expect(job.error?.message).toContain('E_REPLAY');
    expect(job.error?.message).toMatch(/đã được nhập trước đó/);
    expect({ subs: count('imported_submission'), ev: count('imported_evidence'), files: storeFiles().length }).toEqual(before);

    // The unit-side "Kiểm tra hồ sơ" now knows the imported list too.
    b.host.nextPicks.push([join(work, 'so-r1.asice')]);
    const vj = await b.ctx.jobs.wait((await callOk<Job>(b, 'trust.verify', {})).id);
    expect((vj.result as VerifyResult).code).toBe('E_REPLAY');
  }, 120_000);

  it('a report that lists other bytes than the worker staged is refused; no row, no temp, no new file', async () => {
    const bundle = await makeBundle(b, pki, join(work, 'swap.asice'), { unit: { code: 'SNgV', name: 'Sở Ngoại vụ', type: 'SO' }, submissionId: '0190a1b2-c3d4-7e5f-8a9b-0000000000bb' });
    const before = { subs: count('imported_submission'), ev: count('imported_evidence'), files: storeFiles().length };
    const real = await verifyAndStage(b.ctx, bundle, { reuse: false });
    // Valid; the only finding is that this unit's signer is not in Sở Nội vụ's register yet.
    expect({ status: real.result.status, code: real.result.code, warnings: real.result.warnings.map((w) => w.code) }).toEqual({ status: 'VALID_WITH_WARNINGS', code: 'W_SIGNER_NOT_REGISTERED', warnings: ['W_SIGNER_NOT_REGISTERED'] });
    expect(real.staged.length).toBeGreaterThan(0);
    // The report lists, for the last evidence entry, other bytes than those staged.
    const forged = { ...real, result: { ...real.result, files: real.result.files.map((f, i, all) => (i === all.length - 1 ? { ...f, sha256: 'ab'.repeat(32) } : f)) } };
    await expect(importBundle(b.ctx, bundle, { verify: async () => forged })).rejects.toThrow(/E_DIGEST_MISMATCH/);
    expect({ subs: count('imported_submission'), ev: count('imported_evidence'), files: storeFiles().length }).toEqual(before);
    expect(tempFiles()).toEqual([]);
  }, 120_000);

  it('a tampered bundle is refused (E_DIGEST_MISMATCH) and nothing is stored', async () => {
    const bundle = await makeBundle(b, pki, join(work, 'other.asice'), { unit: { code: 'SNgV', name: 'Sở Ngoại vụ', type: 'SO' }, submissionId: '0190a1b2-c3d4-7e5f-8a9b-0000000000aa' });
    const bad = tamperEvidence(bundle, join(work, 'tampered.asice'));
    const before = { subs: count('imported_submission'), ans: count('imported_answer'), ev: count('imported_evidence'), files: storeFiles().length };
    const job = await importFile(bad);
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('BUNDLE_INVALID');
    expect(job.error?.message).toContain('E_DIGEST_MISMATCH');
    expect({ subs: count('imported_submission'), ans: count('imported_answer'), ev: count('imported_evidence'), files: storeFiles().length }).toEqual(before);
    expect(tempFiles()).toEqual([]);
  }, 120_000);

  it('a newer revision supersedes the older in listings (both kept); an older revision afterwards is a replay', async () => {
    const r2 = await makeBundle(b, pki, join(work, 'so-r2.asice'), {
      unit: SO_UNIT,
      submissionId: SUB_SO,
      revision: 2,
      supersedes: 1,
      tweak: (as) => as.map((a) => (a.nodeId === 'so25-1.1.1' ? { ...a, inputs: { levelId: 'khong' }, explanation: 'Kế hoạch CCHC ban hành chậm so với yêu cầu.' } : a)),
    });
    const job = await importFile(r2);
    expect(job.error).toBeUndefined();
    const res = job.result as InboxImportResult;
    expect(res.revision).toBe(2);
    expect(res.supersededImportId).toBe(soImport.importId);
    // Same evidence bytes: deduplicated in the store.
    expect(res.newFiles).toBe(0);
    expect(count('imported_submission')).toBe(2);

    const list = await callOk<{ blocks: Record<string, InboxRow[]> }>(b, 'inbox.list', { year: 2025 });
    expect(list.blocks.SO!.map((r) => [r.importId, r.revision])).toEqual([[res.importId, 2]]);
    const old = await callOk<InboxDetail>(b, 'inbox.get', { importId: soImport.importId });
    expect(old.superseded).toBe(true);
    expect(old.revisions.map((r) => r.revision)).toEqual([2, 1]);
    const refused = await b.call('inbox.appraise', { importId: soImport.importId, nodeId: 'so25-1.1.2', appraisedMilli: 0, comment: 'Thiếu kế hoạch' });
    expect(refused.ok ? 'OK' : refused.error.code).toBe('CONFLICT');

    const again = await importFile(join(work, 'so-r1.asice'));
    expect(again.error?.message).toContain('E_REPLAY');
    soImport = res;
  }, 120_000);

  it('appraisal: bounded to [0, max] in exact milli-points, survey not editable, totals recomputed exactly', async () => {
    const d0 = await callOk<InboxDetail>(b, 'inbox.get', { importId: soImport.importId });
    const leaf = d0.nodes.find((n) => n.editable && n.self > 0 && n.kind === 'SELF')!;
    const survey = d0.nodes.find((n) => n.isLeaf && n.kind === 'SURVEY')!;
    expect(survey.editable).toBe(false);

    const over = await b.call('inbox.appraise', { importId: soImport.importId, nodeId: leaf.nodeId, appraisedMilli: leaf.max + 1, comment: 'Lý do thẩm định' });
    expect(over.ok ? 'OK' : over.error.code).toBe('VALIDATION');
    const frac = await b.call('inbox.appraise', { importId: soImport.importId, nodeId: leaf.nodeId, appraisedMilli: 1.5, comment: 'Lý do thẩm định' });
    expect(frac.ok ? 'OK' : frac.error.code).toBe('VALIDATION');
    const sv = await b.call('inbox.appraise', { importId: soImport.importId, nodeId: survey.nodeId, appraisedMilli: 0, comment: 'Lý do thẩm định' });
    expect(sv.ok ? 'OK' : sv.error.code).toBe('VALIDATION');
    const container = d0.nodes.find((n) => !n.isLeaf)!;
    const ct = await b.call('inbox.appraise', { importId: soImport.importId, nodeId: container.nodeId, appraisedMilli: 0, comment: 'Lý do thẩm định' });
    expect(ct.ok ? 'OK' : ct.error.code).toBe('NOT_FOUND');

    // A changed score without its reason is refused, blank or not, and nothing is stored.
    for (const comment of ['', '  \n ']) {
      const noReason = await b.call('inbox.appraise', { importId: soImport.importId, nodeId: leaf.nodeId, appraisedMilli: leaf.self - 125, comment });
      expect(noReason.ok ? 'OK' : [noReason.error.reason, noReason.error.params]).toEqual(['APPRAISAL_REASON_REQUIRED', { code: leaf.code }]);
    }
    expect(count('appraisal')).toBe(0);
    // Confirming the self score needs no reason.
    const same = await callOk<InboxDetail>(b, 'inbox.appraise', { importId: soImport.importId, nodeId: leaf.nodeId, appraisedMilli: leaf.self, comment: '' });
    expect(same.totals.appraised).toEqual(same.totals.self);

    const cut = 125; // 0,125 point
    const d1 = await callOk<InboxDetail>(b, 'inbox.appraise', { importId: soImport.importId, nodeId: leaf.nodeId, appraisedMilli: leaf.self - cut, comment: 'Thiếu biên bản kiểm tra' });
    expect(d1.totals.self.final).toBe(d0.totals.self.final);
    expect(d1.totals.appraised.self).toBe(d0.totals.self.self - cut);
    expect(d1.totals.appraised.final).toBe(d0.totals.self.final - cut);
    const n1 = d1.nodes.find((n) => n.nodeId === leaf.nodeId)!;
    expect(n1.override).toBe(leaf.self - cut);
    expect(n1.comment).toBe('Thiếu biên bản kiểm tra');
    expect(n1.appraised).toBe(leaf.self - cut);
    // The domain above rolls up the appraised value.
    const domain = d1.nodes.find((n) => n.depth === 0 && n.code === leaf.code.split('.')[0])!;
    expect(domain.appraised).toBe(d0.nodes.find((n) => n.nodeId === domain.nodeId)!.self - cut);
    expect(d1.row.appraisedCount).toBe(1);

    // Max is accepted, and null returns to the self score.
    const dMax = await callOk<InboxDetail>(b, 'inbox.appraise', { importId: soImport.importId, nodeId: leaf.nodeId, appraisedMilli: leaf.max, comment: 'Đủ hồ sơ sau khi đối chiếu' });
    expect(dMax.totals.appraised.self).toBe(d0.totals.self.self - leaf.self + leaf.max);
    const back = await callOk<InboxDetail>(b, 'inbox.appraise', { importId: soImport.importId, nodeId: leaf.nodeId, appraisedMilli: null, comment: '' });
    expect(back.totals.appraised).toEqual(back.totals.self);
    expect(count('appraisal')).toBe(0);
  }, 60_000);

  it('ranks units inside their block: ties share a rank, order by index then Vietnamese name; export has one sheet per block', async () => {
    const units = [
      { code: 'P-HA', name: 'UBND phường Hải An', type: 'PHUONG' as const, id: '0190a1b2-c3d4-7e5f-8a9b-000000000011' },
      { code: 'P-DK', name: 'UBND phường Đông Khê', type: 'PHUONG' as const, id: '0190a1b2-c3d4-7e5f-8a9b-000000000012' },
      { code: 'P-DH', name: 'UBND phường Dư Hàng', type: 'PHUONG' as const, id: '0190a1b2-c3d4-7e5f-8a9b-000000000013' },
      { code: 'X-CH', name: 'Đặc khu Cát Hải', type: 'XA_DAC_KHU' as const, id: '0190a1b2-c3d4-7e5f-8a9b-000000000014' },
    ];
    for (const u of units) {
      const f = await makeBundle(b, pki, join(work, `${u.code}.asice`), { unit: u, submissionId: u.id });
      const job = await importFile(f);
      expect(job.error).toBeUndefined();
      // The certificate is registered for the unit: the verifier's name-only warning is replaced by the register's check.
      expect([(job.result as InboxImportResult).status, (job.result as InboxImportResult).code]).toEqual(['VALID', 'OK']);
    }
    const ph = await callOk<{ rows: InboxRow[] }>(b, 'inbox.ranking', { year: 2025, block: 'PHUONG' });
    // Identical answers → identical index → one shared rank, Vietnamese order (D < Đ < H).
    expect(ph.rows.map((r) => [r.unitName, r.rank])).toEqual([
      ['UBND phường Dư Hàng', 1],
      ['UBND phường Đông Khê', 1],
      ['UBND phường Hải An', 1],
    ]);
    expect(ph.rows[0]!.warnings).toEqual([]);

    // Appraising Dư Hàng lower moves it last with its own rank.
    const dh = ph.rows[0]!;
    const d = await callOk<InboxDetail>(b, 'inbox.get', { importId: dh.importId });
    const leaf = d.nodes.find((n) => n.editable && n.kind === 'SELF' && n.self >= 1000)!;
    await callOk(b, 'inbox.appraise', { importId: dh.importId, nodeId: leaf.nodeId, appraisedMilli: 0, comment: 'Không có tài liệu kiểm chứng' });
    const ph2 = await callOk<{ rows: InboxRow[] }>(b, 'inbox.ranking', { year: 2025, block: 'PHUONG' });
    expect(ph2.rows.map((r) => [r.unitName, r.rank])).toEqual([
      ['UBND phường Đông Khê', 1],
      ['UBND phường Hải An', 1],
      ['UBND phường Dư Hàng', 3],
    ]);
    expect(ph2.rows[2]!.appraisedTotal).toBe(dh.appraisedTotal - leaf.self);
    expect(ph2.rows[2]!.index!).toBeLessThan(ph2.rows[0]!.index!);

    const list = await callOk<{ years: number[]; blocks: Record<string, InboxRow[]> }>(b, 'inbox.list', {});
    expect(list.years).toEqual([2025]);
    expect(list.blocks.SO!.map((r) => r.unitCode)).toEqual(['STP-HP']);
    expect(list.blocks.XA_DAC_KHU!.map((r) => [r.unitName, r.rank])).toEqual([['Đặc khu Cát Hải', 1]]);

    const out = join(work, 'ranking.xlsx');
    b.host.nextSaveTargets.push(out);
    const job = await b.ctx.jobs.wait((await callOk<Job>(b, 'inbox.exportRanking', { year: 2025 })).id);
    expect(job.error).toBeUndefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sở, ban, ngành', 'Phường', 'Xã, đặc khu']);
    const sheet = wb.getWorksheet('Phường')!;
    expect(sheet.getRow(3).getCell(3).value).toBe('UBND phường Đông Khê');
    expect(sheet.getRow(5).getCell(1).value).toBe(3);
    expect(sheet.getRow(5).getCell(6).value).toBe(Number((ph2.rows[2]!.index! / 100).toFixed(2)));
  }, 180_000);
});
