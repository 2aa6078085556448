import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { InboxDetail, InboxImportResult, InboxRow } from '../../../shared/ipc/channels/inbox';
import type { ResultSent, ResultsExportOutcome } from '../../../shared/ipc/channels/results';
import type { RoundDetail } from '../../../shared/ipc/channels/round';
import type { ChosenKey } from '../../../shared/ipc/channels/signing';
import type { AppraisalResult } from '../../../shared/schemas/appraisal-result';
import type { Job } from '../../../shared/schemas/job';
import { progressText } from '../../../shared/domain/progress-steps';
import { saveAppraisal } from '../../../electron/backend/db/repos/inbox-repo';
import { listIssuedResults } from '../../../electron/backend/db/repos/issued-result-repo';
import { loadTrustStore } from '../../../electron/backend/services/bundle/verify/trust';
import { verifyPackage } from '../../../electron/backend/services/bundle/verify/verify-bundle';
import { requireImport } from '../../../electron/backend/services/inbox/model';
import { exportResults } from '../../../electron/backend/services/results/export-results';
import { resultIdOf } from '../../../electron/backend/services/results/result-content';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { ASCII_PASSWORD, createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { testSigner } from '../bundle/craft';
import { makeBundle, registerUnit, trustTestPki } from '../inbox/make-bundle';
import { DEADLINES, installOfficialSets, rewriteEntry, roundInput, SNV } from '../round/fixtures';

let pki: TestPki;
let b: TestBackend;
const WARDS = [
  { code: 'P-HA', name: 'UBND phường Hải An', type: 'PHUONG' as const, id: '0190a1b2-c3d4-7e5f-8a9b-0000000000a1' },
  { code: 'P-DK', name: 'UBND phường Đông Khê', type: 'PHUONG' as const, id: '0190a1b2-c3d4-7e5f-8a9b-0000000000a2' },
  { code: 'P-DH', name: 'UBND phường Dư Hàng', type: 'PHUONG' as const, id: '0190a1b2-c3d4-7e5f-8a9b-0000000000a3' },
];
const imports = new Map<string, string>();

beforeAll(async () => {
  pki = await createTestPki();
  b = createTestBackend();
  trustTestPki(b.dataDir, pki);
  await callOk(b, 'unit.save', SNV);
  installOfficialSets(b);
  const work = makeTempDir('cchc-results-');
  for (const u of WARDS) {
    registerUnit(b, u, [pki.leaf]);
    const file = await makeBundle(b, pki, join(work, `${u.code}.asice`), { unit: u, submissionId: u.id });
    b.host.nextPicks.push([file]);
    const job = await b.ctx.jobs.wait((await callOk<Job>(b, 'inbox.import', {})).id);
    expect(job.error).toBeUndefined();
    imports.set(u.code, (job.result as InboxImportResult).importId);
  }
}, 240_000);
afterAll(() => b?.cleanup());

const id = (code: string): string => imports.get(code)!;
/** Sở Nội vụ's installed trust (root and CRLs, make-bundle.ts trustTestPki): a package is then VALID, not merely self-checked. */
const trusted = () => loadTrustStore(join(b.dataDir, 'trust'));
const issuedRows = (): { unit: string; revision: number }[] =>
  (b.ctx.db.prepare('SELECT unit_code AS unit, revision FROM issued_result ORDER BY unit_code, revision').all() as { unit: string; revision: number }[]).map((r) => ({ ...r }));
const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const opensslStatus = (file: string): number => {
  const dir = makeTempDir('cchc-results-x-');
  spawnSync('unzip', ['-q', file, '-d', dir]);
  return spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(dir, 'META-INF/signature001.p7s'), '-content', join(dir, 'META-INF/ASiCManifest.xml'), '-CAfile', pki.caFile, '-purpose', 'any', '-out', '/dev/null']).status ?? -1;
};
const openKey = async (): Promise<string> => {
  b.host.nextPicks.push([pki.p12.modernAscii]);
  return (await callOk<ChosenKey>(b, 'signing.chooseKey', { source: { kind: 'p12', password: ASCII_PASSWORD } })).keyId;
};

describe('results: the appraisal-result of an imported submission, signed and recorded (real SQLite, worker verification)', () => {
  let round: RoundDetail;
  let leaf: InboxDetail['nodes'][number];

  it('is refused with RESULTS_NO_ROUND while Sở Nội vụ has no round for the year', async () => {
    const r = await b.call('results.build', { importId: id('P-DH') });
    expect(r.ok ? 'OK' : [r.error.reason, r.error.params]).toEqual(['RESULTS_NO_ROUND', { year: 2025 }]);
  });

  it('builds lines, totals and rank exactly as the inbox shows them, with the round\'s id and window', async () => {
    round = await callOk<RoundDetail>(b, 'round.save', roundInput());
    const d0 = await callOk<InboxDetail>(b, 'inbox.get', { importId: id('P-DH') });
    leaf = d0.nodes.find((n) => n.code === '1.2')!;
    expect([leaf.max, leaf.self]).toEqual([1000, 750]);
    const d = await callOk<InboxDetail>(b, 'inbox.appraise', { importId: id('P-DH'), nodeId: leaf.nodeId, appraisedMilli: 0, comment: 'Báo cáo quý III gửi chậm' });
    const ranking = await callOk<{ rows: InboxRow[] }>(b, 'inbox.ranking', { year: 2025, block: 'PHUONG' });
    const built = await callOk<{ content: AppraisalResult; fileName: string; sent: ResultSent | null }>(b, 'results.build', { importId: id('P-DH') });
    const c = built.content;
    expect(built.fileName).toBe('P-DH_KetQuaThamDinh_2025_r1.asice');
    expect(built.sent).toBeNull();
    expect([c.kind, c.resultId, c.revision, c.roundId, c.year]).toEqual(['appraisal-result', resultIdOf(round.id, 'P-DH'), 1, round.id, 2025]);
    expect(c.issuer).toEqual({ code: 'SNV-HP', name: 'Sở Nội vụ thành phố Hải Phòng' });
    expect(c.unit).toEqual({ code: 'P-DH', name: 'UBND phường Dư Hàng', block: 'PHUONG' });
    expect(c.explanationWindow).toEqual({ start: DEADLINES.explanationStart, end: DEADLINES.explanationEnd });
    expect(c.submission).toEqual({ submissionId: WARDS[2]!.id, revision: 1, bundleSha256: d.verification.bundleSha256 });
    expect(c.criteria.find((x) => x.nodeId === leaf.nodeId)).toEqual({
      nodeId: leaf.nodeId, code: '1.2', title: leaf.title, kind: 'SELF', max: 1000, self: 750, appraised: 0, reason: 'Báo cáo quý III gửi chậm',
    });
    // Every other appraisable leaf keeps its self score; survey lines carry what Sở Nội vụ entered (none yet).
    const editable = d.nodes.filter((n) => n.isLeaf && n.survey === null);
    expect(c.criteria.map((x) => [x.code, x.self, x.appraised])).toEqual(editable.map((n) => [n.code, n.self, n.appraised]));
    const surveyLeaves = d.nodes.filter((n) => n.survey !== null);
    expect(surveyLeaves.length).toBeGreaterThan(0);
    expect(c.survey.map((s) => [s.code, s.max, s.points])).toEqual(surveyLeaves.map((n) => [n.code, n.max, null]));
    expect(c.totals).toEqual(d.totals);
    expect(c.totals.appraised.final).toBe(c.totals.self.final - 750);
    // Dư Hàng is now last of the three (the others share rank 1).
    const dh = ranking.rows.find((r) => r.unitCode === 'P-DH')!;
    expect(dh.rank).toBe(3);
    expect(c.rank).toEqual({ rank: 3, of: 3 });
  });

  it('exports one unit: self-verified, recorded in issued_result in the same step, openssl verifies it, a tampered copy is refused', async () => {
    const dir = makeTempDir('cchc-results-one-');
    const out = join(dir, 'P-DH_KetQuaThamDinh_2025_r1.asice');
    b.host.nextSaveTargets.push(out);
    const keyId = await openKey();
    const started = await callOk<Job>(b, 'results.export', { scope: { kind: 'unit', importId: id('P-DH') }, keyId, password: ASCII_PASSWORD });
    const job = await b.ctx.jobs.wait(started.id);
    expect(job.error).toBeUndefined();
    const res = job.result as ResultsExportOutcome;
    expect(res.failures).toEqual([]);
    expect(res.issued.map((i) => [i.unitCode, i.revision, i.fileName, i.sha256])).toEqual([['P-DH', 1, 'P-DH_KetQuaThamDinh_2025_r1.asice', sha(out)]]);
    expect(readdirSync(dir)).toEqual(['P-DH_KetQuaThamDinh_2025_r1.asice']);

    const rows = listIssuedResults(b.ctx.db, resultIdOf(round.id, 'P-DH'));
    expect(rows.map((r) => [r.revision, r.importId, r.roundId, r.year, r.unitCode, r.unitType, r.packageSha256, r.packageSize, r.fileName])).toEqual([
      [1, id('P-DH'), round.id, 2025, 'P-DH', 'PHUONG', sha(out), readFileSync(out).length, 'P-DH_KetQuaThamDinh_2025_r1.asice'],
    ]);
    const v = await verifyPackage(out, { trust: trusted(), expectKind: 'appraisal-result' });
    // The test leaf is issued to another agency than the profile's Sở Nội vụ: the name check warns (exchange-semantics.ts), nothing else.
    expect([v.result.status, v.result.kind, v.result.warnings.map((w) => w.code)]).toEqual(['VALID_WITH_WARNINGS', 'appraisal-result', ['W_SIGNER_NOT_REGISTERED']]);
    expect(v.exchange).toEqual({ kind: 'appraisal-result', content: JSON.parse(rows[0]!.resultJson) });
    expect(opensslStatus(out)).toBe(0);

    const content = JSON.parse(rows[0]!.resultJson) as AppraisalResult;
    const forged = { ...content, criteria: content.criteria.map((x) => (x.nodeId === leaf.nodeId ? { ...x, appraised: 1000, reason: 'Đạt' } : x)) };
    const replacement = join(makeTempDir('cchc-results-t-'), 'result.json');
    writeFileSync(replacement, JSON.stringify(forged));
    const tampered = await verifyPackage(rewriteEntry(out, 'result.json', readFileSync(replacement)), { trust: trusted(), expectKind: 'appraisal-result' });
    expect([tampered.result.status, tampered.result.code]).toEqual(['INVALID', 'E_DIGEST_MISMATCH']);
    expect(tampered.exchange).toBeNull();

    // Sent and unchanged; an edit afterwards makes it "cần gửi lại"; the next build is revision 2 of the same id.
    const s1 = await callOk<{ rows: ResultSent[] }>(b, 'results.status', { year: 2025 });
    expect(s1.rows.map((r) => [r.unitCode, r.revision, r.changedSince])).toEqual([['P-DH', 1, false]]);
    await callOk(b, 'inbox.appraise', { importId: id('P-DH'), nodeId: leaf.nodeId, appraisedMilli: 250, comment: 'Đã có báo cáo quý III, gửi chậm' });
    const s2 = await callOk<{ rows: ResultSent[] }>(b, 'results.status', { year: 2025 });
    expect(s2.rows.map((r) => [r.unitCode, r.revision, r.changedSince])).toEqual([['P-DH', 1, true]]);
    const next = await callOk<{ content: AppraisalResult; fileName: string; sent: ResultSent | null }>(b, 'results.build', { importId: id('P-DH') });
    expect([next.content.resultId, next.content.revision, next.fileName, next.sent?.revision]).toEqual([resultIdOf(round.id, 'P-DH'), 2, 'P-DH_KetQuaThamDinh_2025_r2.asice', 1]);
  }, 120_000);

  it('exports a whole block into a chosen folder: a unit with a changed score and no reason (old data) is listed and the others are written', async () => {
    const d = await callOk<InboxDetail>(b, 'inbox.get', { importId: id('P-HA') });
    const haLeaf = d.nodes.find((n) => n.code === '1.1.1')!;
    // Stored before a changed score needed a reason (the channel refuses this now).
    saveAppraisal(b.ctx.db, id('P-HA'), { nodeId: haLeaf.nodeId, appraisedMilli: 0, comment: ' ', updatedAt: new Date().toISOString() });
    const one = await b.call('results.build', { importId: id('P-HA') });
    expect(one.ok ? 'OK' : [one.error.reason, one.error.params]).toEqual(['RESULTS_REASON_MISSING', { unit: 'UBND phường Hải An', code: '1.1.1' }]);

    const folder = makeTempDir('cchc-results-block-');
    b.host.nextFolders.push(folder);
    const keyId = await openKey();
    const started = await callOk<Job>(b, 'results.export', { scope: { kind: 'block', year: 2025, block: 'PHUONG' }, keyId, password: ASCII_PASSWORD });
    const job = await b.ctx.jobs.wait(started.id);
    expect(job.error).toBeUndefined();
    const res = job.result as ResultsExportOutcome;
    // Vietnamese order: Dư Hàng, Đông Khê, Hải An.
    expect(res.issued.map((i) => [i.unitCode, i.revision, i.fileName])).toEqual([
      ['P-DH', 2, 'P-DH_KetQuaThamDinh_2025_r2.asice'],
      ['P-DK', 1, 'P-DK_KetQuaThamDinh_2025_r1.asice'],
    ]);
    expect(res.failures.map((f) => [f.unitCode, f.error.reason, f.error.params])).toEqual([['P-HA', 'RESULTS_REASON_MISSING', { unit: 'UBND phường Hải An', code: '1.1.1' }]]);
    expect(readdirSync(folder).sort()).toEqual(['P-DH_KetQuaThamDinh_2025_r2.asice', 'P-DK_KetQuaThamDinh_2025_r1.asice']);
    for (const i of res.issued) {
      const v = await verifyPackage(join(folder, i.fileName), { trust: trusted(), expectKind: 'appraisal-result' });
      const got = v.exchange?.content as AppraisalResult;
      expect([v.result.status, v.result.code, v.exchange?.kind, got.unit.code, got.revision]).toEqual(['VALID_WITH_WARNINGS', 'W_SIGNER_NOT_REGISTERED', 'appraisal-result', i.unitCode, i.revision]);
      expect(sha(join(folder, i.fileName))).toBe(i.sha256);
    }
    expect(issuedRows()).toEqual([
      { unit: 'P-DH', revision: 1 },
      { unit: 'P-DH', revision: 2 },
      { unit: 'P-DK', revision: 1 },
    ]);
    const s = await callOk<{ rows: ResultSent[] }>(b, 'results.status', { year: 2025 });
    expect(s.rows.map((r) => [r.unitCode, r.revision, r.changedSince])).toEqual([
      ['P-DH', 2, false],
      ['P-DK', 1, false],
    ]);
  }, 180_000);

  it('cancel stops before the next unit: what was written stays written and recorded, nothing after it', async () => {
    // Hải An gets its reason now, so all three would build.
    const d = await callOk<InboxDetail>(b, 'inbox.get', { importId: id('P-HA') });
    const haLeaf = d.nodes.find((n) => n.code === '1.1.1')!;
    await callOk(b, 'inbox.appraise', { importId: id('P-HA'), nodeId: haLeaf.nodeId, appraisedMilli: 0, comment: 'Không có kế hoạch' });
    const folder = makeTempDir('cchc-results-cancel-');
    const ctl = new AbortController();
    const rows = ['P-DH', 'P-DK', 'P-HA'].map((c) => requireImport(b.ctx, id(c)));
    const seen: string[] = [];
    const run = exportResults(b.ctx, {
      rows,
      signer: testSigner(pki.leaf, [pki.intermediate]),
      targetFor: async (name) => ({ path: join(folder, name) }),
      trust: loadTrustStore(pki.caFile),
      onProgress: (done, total, step) => {
        seen.push(`${done}/${total} ${step ? progressText(step, 'vi') : ''}`);
        if (done === 1) ctl.abort();
      },
      signal: ctl.signal,
    });
    await expect(run).rejects.toMatchObject({ reason: 'RESULTS_EXPORT_CANCELLED', params: { done: 1, total: 3 } });
    expect(seen).toEqual(['0/3 Đơn vị 1/3: UBND phường Dư Hàng', '1/3 Đơn vị 2/3: UBND phường Đông Khê']);
    expect(readdirSync(folder)).toEqual(['P-DH_KetQuaThamDinh_2025_r3.asice']);
    expect(issuedRows().filter((r) => r.unit === 'P-DH').map((r) => r.revision)).toEqual([1, 2, 3]);
    expect(issuedRows().filter((r) => r.unit !== 'P-DH')).toEqual([{ unit: 'P-DK', revision: 1 }]);
    expect(existsSync(join(folder, 'P-DK_KetQuaThamDinh_2025_r2.asice.partial'))).toBe(false);
  }, 120_000);
});
