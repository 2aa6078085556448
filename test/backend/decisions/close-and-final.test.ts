import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DecisionDetail, DecisionsList } from '../../../shared/ipc/channels/decisions';
import type { FinalResult } from '../../../shared/schemas/final-result';
import type { Job } from '../../../shared/schemas/job';
import { loadTrustStore } from '../../../electron/backend/services/bundle/verify/trust';
import { verifyPackage } from '../../../electron/backend/services/bundle/verify/verify-bundle';
import { exportFinalPackages, unitsToExport } from '../../../electron/backend/services/decisions/final-package';
import { callOk, makeTempDir } from '../../helpers/backend';
import { testSigner } from '../bundle/craft';
import { rewriteEntry } from '../round/fixtures';
import { createWorld, DH, HA, importFiles, KA, NQ, packExplanation } from './world';
import type { World } from './world';

/**
 * Decisions, closing and the final results, checked against numbers computed by hand (not by the engine).
 * Each phường answered 1.1.1 (1 point), 2.2 (1,5) and 3.1 (1,5): self 4,000 of a 100-point denominator.
 *   Hải An:    3.1 appraised 0 → 2,500; giải trình accepted at 1,5          → final 4,000, index 4,00 %
 *   Dư Hàng:   2.2 appraised 0,5 → 3,000; giải trình kept                   → final 3,000, index 3,00 %
 *   Kiến An:   nothing changed, no giải trình (NOT_DISPUTED)               → final 4,000, index 4,00 %
 *   Ngô Quyền: 1.1.1 appraised 0 → 3,000; accepted at 0,5; 2.2 kept         → final 3,500, index 3,50 %
 * Ranks in the block: Hải An 1, Kiến An 1 (tie, Vietnamese order H < K), Ngô Quyền 3, Dư Hàng 4; all "Yếu".
 */
let w: World;
const rows = new Map<string, string>();
beforeAll(async () => {
  w = await createWorld();
  const appraise = (code: string, nodeId: string, appraisedMilli: number, comment: string) =>
    callOk(w.b, 'inbox.appraise', { importId: w.imports.get(code)!.importId, nodeId, appraisedMilli, comment });
  await appraise(HA.code, 'xa25-3.1', 0, 'Không có ảnh chụp bảng công khai.');
  await appraise(DH.code, 'xa25-2.2', 500, 'Chỉ rà soát một phần văn bản.');
  await appraise(NQ.code, 'xa25-1.1.1', 0, 'Kế hoạch ban hành sau thời hạn.');
  const out = await importFiles(w, [
    await packExplanation(w, HA, { items: [{ nodeId: 'xa25-3.1', code: '3.1', text: 'Đã công khai, xem ảnh.', requested: 1500 }] }),
    await packExplanation(w, DH, { items: [{ nodeId: 'xa25-2.2', code: '2.2', text: 'Đã rà soát toàn bộ.', requested: 1500 }] }),
    await packExplanation(w, NQ, {
      items: [
        { nodeId: 'xa25-1.1.1', code: '1.1.1', text: 'Ban hành chậm do sáp nhập.', requested: 1000 },
        { nodeId: 'xa25-2.2', code: '2.2', text: 'Đề nghị xem lại.', requested: null },
      ],
    }),
  ]);
  for (const o of out) {
    if (!o.result) throw new Error(JSON.stringify(o.error));
    rows.set(o.result.unitCode, o.result.explanationRowId);
  }
}, 300_000);
afterAll(() => w?.b.cleanup());

const decideCall = (code: string, nodeId: string, decision: 'ACCEPTED' | 'KEPT' | null, finalMilli: number | null, reasonCode = '', reason = '') =>
  w.b.call('decisions.decide', { explanationRowId: rows.get(code)!, nodeId, decision, finalMilli, reasonCode, reason });
const reasonOf = (r: Awaited<ReturnType<typeof decideCall>>): string => (r.ok ? 'OK' : (r.error.reason ?? r.error.code));

describe('decisions on each disputed criterion', () => {
  it('KEPT without a reason, ACCEPTED above the max or without a score, a criterion not disputed: each refused with its reason', async () => {
    expect(reasonOf(await decideCall(DH.code, 'xa25-2.2', 'KEPT', null))).toBe('DECISIONS_REASON_REQUIRED');
    expect(reasonOf(await decideCall(DH.code, 'xa25-2.2', 'KEPT', null, 'EVIDENCE_INSUFFICIENT', '   '))).toBe('DECISIONS_REASON_REQUIRED');
    expect(reasonOf(await decideCall(DH.code, 'xa25-2.2', 'KEPT', null, '', 'Không đủ tài liệu.'))).toBe('DECISIONS_REASON_REQUIRED');
    expect(reasonOf(await decideCall(HA.code, 'xa25-3.1', 'ACCEPTED', 1501))).toBe('DECISIONS_SCORE_RANGE');
    expect(reasonOf(await decideCall(HA.code, 'xa25-3.1', 'ACCEPTED', null))).toBe('DECISIONS_SCORE_RANGE');
    expect(reasonOf(await decideCall(HA.code, 'xa25-1.1.1', 'ACCEPTED', 1000))).toBe('DECISIONS_NOT_DISPUTED');
    expect((w.b.ctx.db.prepare('SELECT COUNT(*) AS n FROM explanation_decision').get() as { n: number }).n).toBe(0);
  });

  it('closing while a giải trình still has undecided criteria is refused with the list of those units', async () => {
    expect(reasonOf(await decideCall(HA.code, 'xa25-3.1', 'ACCEPTED', 1500))).toBe('OK');
    const r = await w.b.call('decisions.close', { year: 2025 });
    expect(r.ok ? 'OK' : [r.error.reason, r.error.params?.units]).toEqual(['DECISIONS_UNDECIDED', 'P-DH, P-NQ']);
    expect((w.b.ctx.db.prepare('SELECT COUNT(*) AS n FROM round_closing').get() as { n: number }).n).toBe(0);
  });

  it('the detail shows the decisions applied: totals by hand', async () => {
    expect(reasonOf(await decideCall(DH.code, 'xa25-2.2', 'KEPT', null, 'EVIDENCE_INSUFFICIENT', 'Tài liệu chỉ chứng minh rà soát một phần.'))).toBe('OK');
    expect(reasonOf(await decideCall(NQ.code, 'xa25-1.1.1', 'ACCEPTED', 500))).toBe('OK');
    const r = await decideCall(NQ.code, 'xa25-2.2', 'KEPT', 1500, 'NOT_MEETING_CRITERION', 'Điểm thẩm định đã là điểm tối đa.');
    const d = (r.ok ? r.value : null) as DecisionDetail;
    expect(d.items.map((i) => [i.nodeId, i.self, i.appraised, i.requested, i.decision, i.finalMilli])).toEqual([
      ['xa25-1.1.1', 1000, 0, 1000, 'ACCEPTED', 500],
      ['xa25-2.2', 1500, 1500, null, 'KEPT', 1500],
    ]);
    expect([d.totals.self.final, d.totals.appraised.final, d.totals.final.final, d.totals.final.index]).toEqual([4000, 3000, 3500, 350]);
  });
});

describe('closing the round and the final results', () => {
  it('final totals, index, band and rank per block are the hand-computed ones, ties sharing a rank', async () => {
    const list = await callOk<DecisionsList>(w.b, 'decisions.close', { year: 2025 });
    expect(list.closedAt).not.toBeNull();
    const byRank = [...list.units].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99) || a.unitName.localeCompare(b.unitName, 'vi'));
    expect(byRank.map((u) => [u.unitCode, u.state, u.appraisedTotal, u.finalTotal, u.finalIndex, u.classification, u.rank])).toEqual([
      ['P-HA', 'DECIDED', 2500, 4000, 400, 'Yếu', 1],
      ['P-KA', 'NOT_DISPUTED', 4000, 4000, 400, 'Yếu', 1],
      ['P-NQ', 'DECIDED', 3000, 3500, 350, 'Yếu', 3],
      ['P-DH', 'DECIDED', 3000, 3000, 300, 'Yếu', 4],
    ]);
  }, 60_000);

  it('after closing: decisions, appraisal, survey entry and a second close are refused; a giải trình arriving now → E_ROUND_CLOSED', async () => {
    expect(reasonOf(await decideCall(HA.code, 'xa25-3.1', 'ACCEPTED', 1000))).toBe('DECISIONS_ROUND_CLOSED');
    const ap = await w.b.call('inbox.appraise', { importId: w.imports.get(KA.code)!.importId, nodeId: 'xa25-3.1', appraisedMilli: 0, comment: 'x' });
    expect(ap.ok ? 'OK' : ap.error.reason).toBe('DECISIONS_ROUND_CLOSED');
    const sv = await w.b.call('inbox.saveSurvey', { importId: w.imports.get(KA.code)!.importId, nodeId: 'xa25-1.6', value: 50 });
    expect(sv.ok ? 'OK' : sv.error.reason).toBe('DECISIONS_ROUND_CLOSED');
    const again = await w.b.call('decisions.close', { year: 2025 });
    expect(again.ok ? 'OK' : again.error.reason).toBe('DECISIONS_ROUND_CLOSED');
    const [o] = await importFiles(w, [await packExplanation(w, KA, { items: [{ nodeId: 'xa25-3.1', code: '3.1', text: 'Muộn.', requested: 1500 }] })]);
    expect(o!.error?.params?.check).toBe('E_ROUND_CLOSED');
  }, 120_000);

  it('Excel: one sheet per block with rank, unit, self, appraised, final, index, band (read back with exceljs), printed A4 landscape', async () => {
    const out = join(makeTempDir('cchc-final-'), 'kq.xlsx');
    w.b.host.nextSaveTargets.push(out);
    const job = await w.b.ctx.jobs.wait((await callOk<Job>(w.b, 'decisions.exportResults', { year: 2025, format: 'xlsx' })).id);
    expect([job.state, (job.result as { count: number }).count]).toEqual(['done', 4]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Sở, ban, ngành', 'Phường', 'Xã, đặc khu']);
    const ws = wb.getWorksheet('Phường')!;
    const values = [3, 4, 5, 6].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    expect(values).toEqual([
      [1, 'P-HA', 'UBND phường Hải An', 4, 2.5, 4, 4, 'Yếu'],
      [1, 'P-KA', 'UBND phường Kiến An', 4, 4, 4, 4, 'Yếu'],
      [3, 'P-NQ', 'UBND phường Ngô Quyền', 4, 3, 3.5, 3.5, 'Yếu'],
      [4, 'P-DH', 'UBND phường Dư Hàng', 4, 3, 3, 3, 'Yếu'],
    ]);
    expect([ws.pageSetup.orientation, ws.pageSetup.paperSize, ws.pageSetup.fitToWidth]).toEqual(['landscape', 9, 1]);
  }, 60_000);

  it('PDF: Sở Nội vụ\'s administrative document with a table per block (pdftotext)', async () => {
    const out = join(makeTempDir('cchc-final-'), 'kq.pdf');
    w.b.host.nextSaveTargets.push(out);
    const job = await w.b.ctx.jobs.wait((await callOk<Job>(w.b, 'decisions.exportResults', { year: 2025, format: 'pdf' })).id);
    expect(job.state).toBe('done');
    const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('THÔNG BÁO');
    expect(text).toContain('Kết quả Chỉ số CCHC năm 2025');
    expect(text).toContain('Khối Phường');
    expect(text).toMatch(/1\s+P-HA\s+UBND phường Hải An\s+4\s+2,5\s+4\s+4,00\s+Yếu/);
    expect(text).toMatch(/3\s+P-NQ\s+UBND phường Ngô Quyền\s+4\s+3\s+3,5\s+3,50\s+Yếu/);
    expect(text).toMatch(/4\s+P-DH\s+UBND phường Dư Hàng\s+4\s+3\s+3\s+3,00\s+Yếu/);
  }, 60_000);

  it('PDF numbering: with Sở\'s profile, a number and a symbol make it final ("Số: 15/TB-SNV", no DỰ THẢO); without a number it stays a draft; a bad number is refused before anything is written', async () => {
    await callOk(w.b, 'unit.save', {
      name: 'Sở Nội vụ thành phố Hải Phòng',
      code: 'SNV',
      type: 'SO',
      focalPoint: { name: 'Lê Thị Hoa', title: 'Chuyên viên', phone: '', email: '' },
      head: { name: 'Nguyễn Văn Bình', title: 'Giám đốc', phone: '', email: '' },
    });
    const pdfText = async (payload: Record<string, unknown>): Promise<string> => {
      const out = join(makeTempDir('cchc-final-no-'), 'kq.pdf');
      w.b.host.nextSaveTargets.push(out);
      const job = await w.b.ctx.jobs.wait((await callOk<Job>(w.b, 'decisions.exportResults', { year: 2025, format: 'pdf', ...payload })).id);
      expect(job.state).toBe('done');
      return spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
    };
    const numbered = await pdfText({ number: ' 15 ', symbol: 'tb-snv' });
    expect(numbered).toMatch(/Số:\s*15\/TB-SNV/);
    expect(numbered).not.toContain('DỰ THẢO');
    expect(numbered).toContain('Nguyễn Văn Bình');
    expect(await pdfText({ symbol: 'TB-SNV' })).toContain('DỰ THẢO');
    for (const bad of [{ number: 'mười lăm' }, { number: '12345678' }, { symbol: 'TB SNV' }]) {
      const r = await w.b.call('decisions.exportResults', { year: 2025, format: 'pdf', ...bad });
      expect(r.ok ? 'ok' : r.error.code).toBe('VALIDATION');
    }
  }, 60_000);

  it('final-result package: verifies as final-result, passes openssl cms -verify, carries the decisions; tampered → refused', async () => {
    const dir = makeTempDir('cchc-final-pkg-');
    const out = join(dir, 'P-NQ.asice');
    const trust = loadTrustStore(w.pki.caFile);
    const signer = testSigner(w.pki.leaf, [w.pki.intermediate]);
    const res = await exportFinalPackages(w.b.ctx, { year: 2025, units: unitsToExport(w.b.ctx, 2025, { unitCode: 'P-NQ' }), signer, out, trust });
    expect(res.files).toEqual(['P-NQ_KetQuaCuoiCung_2025_r1.asice']);
    const v = await verifyPackage(out, { trust, expectKind: 'final-result' });
    expect([v.result.status === 'INVALID' ? v.result.code : 'ok', v.exchange?.kind]).toEqual(['ok', 'final-result']);
    const f = v.exchange!.content as FinalResult;
    expect(f.resultId).toBe(w.issued.get(NQ.code)!.resultId);
    expect([f.totals.self.final, f.totals.appraised.final, f.totals.final.final, f.totals.final.index, f.rank]).toEqual([4000, 3000, 3500, 350, { rank: 3, of: 4 }]);
    expect(f.criteria.filter((c) => c.decision !== 'NOT_DISPUTED').map((c) => [c.nodeId, c.appraised, c.final, c.decision, c.decisionReason])).toEqual([
      ['xa25-1.1.1', 0, 500, 'ACCEPTED', ''],
      ['xa25-2.2', 1500, 1500, 'KEPT', 'Điểm thẩm định đã là điểm tối đa.'],
    ]);
    const x = makeTempDir('cchc-final-x-');
    spawnSync('unzip', ['-q', out, '-d', x]);
    const cms = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(x, 'META-INF/signature001.p7s'), '-content', join(x, 'META-INF/ASiCManifest.xml'), '-CAfile', w.pki.caFile, '-purpose', 'any', '-out', '/dev/null']);
    expect(cms.status).toBe(0);
    // final.json rewritten after signing with the final total raised: the signed manifest no longer matches.
    const json = readFileSync(join(x, 'final.json'), 'utf8');
    expect(json).toContain('"final":3500');
    const bad = rewriteEntry(out, 'final.json', Buffer.from(json.replace('"final":3500', '"final":3900')));
    const tv = await verifyPackage(bad, { trust, expectKind: 'final-result' });
    expect([tv.result.status, tv.exchange]).toEqual(['INVALID', null]);
    // A second export is the next revision.
    const again = await exportFinalPackages(w.b.ctx, { year: 2025, units: unitsToExport(w.b.ctx, 2025, { unitCode: 'P-NQ' }), signer, out: join(dir, 'again.asice'), trust });
    expect(again.files).toEqual(['P-NQ_KetQuaCuoiCung_2025_r2.asice']);
  }, 120_000);

  it('a whole block: one .zip with one verified package per unit', async () => {
    const dir = makeTempDir('cchc-final-block-');
    const out = join(dir, 'PHUONG.zip');
    const trust = loadTrustStore(w.pki.caFile);
    const res = await exportFinalPackages(w.b.ctx, { year: 2025, units: unitsToExport(w.b.ctx, 2025, { block: 'PHUONG' }), signer: testSigner(w.pki.leaf, [w.pki.intermediate]), out, trust });
    expect(res.count).toBe(4);
    const listing = spawnSync('unzip', ['-Z1', out], { encoding: 'utf8' }).stdout.trim().split('\n').sort();
    expect(listing).toEqual(['P-DH_KetQuaCuoiCung_2025_r1.asice', 'P-HA_KetQuaCuoiCung_2025_r1.asice', 'P-KA_KetQuaCuoiCung_2025_r1.asice', 'P-NQ_KetQuaCuoiCung_2025_r3.asice']);
    spawnSync('unzip', ['-q', out, '-d', dir]);
    const ka = await verifyPackage(join(dir, 'P-KA_KetQuaCuoiCung_2025_r1.asice'), { trust, expectKind: 'final-result' });
    const content = ka.exchange!.content as FinalResult;
    expect([content.unit.code, content.totals.final.final, content.rank, content.criteria.every((c) => c.decision === 'NOT_DISPUTED')]).toEqual(['P-KA', 4000, { rank: 1, of: 4 }, true]);
  }, 180_000);
});
