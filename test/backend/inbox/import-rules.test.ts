import { copyFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BUNDLE_CODES } from '../../../shared/domain/bundle-codes';
import type { InboxDetail, InboxImportResult, InboxRow } from '../../../shared/ipc/channels/inbox';
import type { RegistryView, TrustedSignerResult } from '../../../shared/ipc/channels/registry';
import type { Job } from '../../../shared/schemas/job';
import { dataPaths } from '../../../electron/backend/data-dir';
import { importBundle, verifyAndStage } from '../../../electron/backend/services/inbox/import-bundle';
import type { BuilderAnswer } from '../../../electron/backend/services/bundle/submission-builder';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { certDetails, makeBundle, registerUnit, trustTestPki } from './make-bundle';
import type { BundleSpec, UnitSpec } from './make-bundle';

/**
 * Issue 13 item 2 and 3: each attack a unit (or anyone with a certificate from a trusted CA) could try on
 * Sở Nội vụ's inbox, as a real signed bundle, refused with its own code and NOTHING stored: no submission,
 * answer or evidence row, no new file in the evidence store, no temp file.
 */

const HAI_AN: UnitSpec = { code: 'P-HA', name: 'UBND phường Hải An', type: 'PHUONG' };
const DU_HANG: UnitSpec = { code: 'P-DH', name: 'UBND phường Dư Hàng', type: 'PHUONG' };
const KIEN_AN: UnitSpec = { code: 'P-KA', name: 'UBND phường Kiến An', type: 'PHUONG' };
const NGO_QUYEN: UnitSpec = { code: 'P-NQ', name: 'UBND phường Ngô Quyền', type: 'PHUONG' };
const SUB_HA = '0190a1b2-c3d4-7e5f-8a9b-00000000a001';

let pki: TestPki;
let b: TestBackend;
let work: string;
let n = 0;

beforeAll(async () => {
  pki = await createTestPki();
  b = createTestBackend();
  trustTestPki(b.dataDir, pki);
  work = makeTempDir('cchc-rules-');
  // Hải An and Kiến An sign with the leaf (Nguyễn Văn An), Dư Hàng with the second person's certificate,
  // Ngô Quyền has no signer yet.
  registerUnit(b, HAI_AN, [pki.leaf]);
  registerUnit(b, KIEN_AN, [pki.leaf]);
  registerUnit(b, DU_HANG, [pki.secondLeaf]);
  registerUnit(b, NGO_QUYEN, []);
}, 60_000);
afterAll(() => b?.cleanup());

const count = (table: string): number => (b.ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const storeFiles = (): number => {
  const root = dataPaths(b.dataDir).evidence;
  return existsSync(root) ? readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length : 0;
};
const tempFiles = (): string[] => (existsSync(dataPaths(b.dataDir).tmp) ? readdirSync(dataPaths(b.dataDir).tmp).filter((f) => f.startsWith('ev-')) : []);
const snapshot = () => ({
  subs: count('imported_submission'),
  answers: count('imported_answer'),
  evidence: count('imported_evidence'),
  files: storeFiles(),
  temps: tempFiles().length,
});

const bundle = (spec: Partial<BundleSpec> & { unit: UnitSpec }): Promise<string> =>
  makeBundle(b, pki, join(work, `b${++n}.asice`), { submissionId: `0190a1b2-c3d4-7e5f-8a9b-${String(n).padStart(12, '0')}`, ...spec });

const importFile = async (file: string): Promise<Job> => {
  const up = b.ctx.uploads.register(file, 'hoso.asice', statSync(file).size);
  const job = await callOk<Job>(b, 'inbox.import', { uploadId: up.id });
  return b.ctx.jobs.wait(job.id);
};

/** Imports and expects a refusal with exactly this check code, and nothing stored. */
const refused = async (file: string, check: string): Promise<Job> => {
  const before = snapshot();
  const job = await importFile(file);
  expect(job.state).toBe('failed');
  expect(job.error?.code).toBe('BUNDLE_INVALID');
  expect(job.error?.params?.check).toBe(check);
  expect(snapshot()).toEqual(before);
  return job;
};

const accepted = async (file: string): Promise<InboxImportResult> => {
  const job = await importFile(file);
  expect(job.error).toBeUndefined();
  return job.result as InboxImportResult;
};

const setAnswer = (nodeId: string, patch: Partial<BuilderAnswer>) => (as: BuilderAnswer[]) => as.map((a) => (a.nodeId === nodeId ? { ...a, ...patch } : a));

describe('import rules of the register (each refused with its own code, nothing stored)', () => {
  it('a valid bundle of a listed unit signed by its registered certificate is imported, with the register\'s name and block', async () => {
    const r = await accepted(await bundle({ unit: { ...HAI_AN, name: 'UBND' }, submissionId: SUB_HA }));
    expect([r.status, r.code, r.unitName, r.unitType, r.year, r.revision]).toEqual(['VALID', 'OK', 'UBND phường Hải An', 'PHUONG', 2025, 1]);
  }, 120_000);

  it('impersonation: a certificate registered for Hải An signing a bundle that declares Dư Hàng → E_SIGNER_NOT_REGISTERED', async () => {
    const job = await refused(await bundle({ unit: DU_HANG }), 'E_SIGNER_NOT_REGISTERED');
    expect(job.error?.message).toContain(BUNDLE_CODES.E_SIGNER_NOT_REGISTERED.vi);
    // With the name emptied to "UBND" the result is the same: names are never compared.
    await refused(await bundle({ unit: { ...DU_HANG, name: 'UBND' } }), 'E_SIGNER_NOT_REGISTERED');
    // A unit with no signer at all.
    await refused(await bundle({ unit: NGO_QUYEN }), 'E_SIGNER_NOT_REGISTERED');
  }, 180_000);

  it('a unit that is not in the year\'s list → E_UNIT_UNKNOWN', async () => {
    await refused(await bundle({ unit: { code: 'P-XX', name: 'UBND phường Không Có', type: 'PHUONG' } }), 'E_UNIT_UNKNOWN');
  }, 120_000);

  it('period 1900 or 9999 (no such year opened) → E_PERIOD_NOT_OPEN, and no year bucket appears', async () => {
    await refused(await bundle({ unit: HAI_AN, period: '1900' }), 'E_PERIOD_NOT_OPEN');
    await refused(await bundle({ unit: HAI_AN, period: '9999' }), 'E_PERIOD_NOT_OPEN');
    const list = await callOk<{ years: number[] }>(b, 'inbox.list', {});
    expect(list.years).toEqual([2025]);
  }, 120_000);

  it('the block comes from the register: a phường declaring SO, or sending the sở set, → E_BLOCK_MISMATCH', async () => {
    await refused(await bundle({ unit: { ...KIEN_AN, type: 'SO' } }), 'E_BLOCK_MISMATCH');
    await refused(await bundle({ unit: KIEN_AN, setType: 'SO' }), 'E_BLOCK_MISMATCH');
  }, 120_000);

  it('another unit reusing Hải An\'s submissionId (revision 2 or 10000) → E_SUBMISSION_OWNER; Hải An can still send revision 2', async () => {
    const dh = pki.p12.secondAscii;
    await refused(await bundle({ unit: DU_HANG, p12: dh, submissionId: SUB_HA, revision: 2, supersedes: 1 }), 'E_SUBMISSION_OWNER');
    await refused(await bundle({ unit: DU_HANG, p12: dh, submissionId: SUB_HA, revision: 10_000, supersedes: 1 }), 'E_SUBMISSION_OWNER');
    const r2 = await accepted(await bundle({ unit: HAI_AN, submissionId: SUB_HA, revision: 2, supersedes: 1 }));
    expect(r2.revision).toBe(2);
  }, 180_000);

  it('revisions go up by exactly one: the owner jumping to 10000, or a first revision 3, → E_REVISION_SEQUENCE', async () => {
    await refused(await bundle({ unit: HAI_AN, submissionId: SUB_HA, revision: 10_000, supersedes: 2 }), 'E_REVISION_SEQUENCE');
    await refused(await bundle({ unit: HAI_AN, submissionId: SUB_HA, revision: 3, supersedes: 1 }), 'E_REVISION_SEQUENCE');
    await refused(await bundle({ unit: KIEN_AN, revision: 3, supersedes: 2 }), 'E_REVISION_SEQUENCE');
  }, 180_000);

  it('a revision already received, verified before it was (as a batch verifies ahead), is still E_REPLAY, nothing stored', async () => {
    const first = await bundle({ unit: KIEN_AN });
    const again = join(work, 'again.asice');
    copyFileSync(first, again);
    // The verifier's replay list is read now, before the first copy is imported: its verdict says VALID.
    const stale = await verifyAndStage(b.ctx, again);
    expect(stale.result.status).not.toBe('INVALID');
    await accepted(first);
    const before = snapshot();
    await expect(importBundle(b.ctx, again, { verify: () => Promise.resolve(stale) })).rejects.toMatchObject({ details: { bundleCode: 'E_REPLAY' } });
    expect(snapshot()).toEqual(before);
  }, 180_000);

  it('answers the unit\'s own app refuses are refused with the criterion and the value (E_ANSWER_INVALID)', async () => {
    const rate = await refused(await bundle({ unit: KIEN_AN, tweak: setAnswer('xa25-1.1.2', { inputs: { numerator: 101, denominator: 100 } }) }), 'E_ANSWER_INVALID');
    expect(rate.error?.reason).toBe('BUNDLE_REFUSED_ANSWER');
    expect(rate.error?.params).toMatchObject({ code: '1.1.2', nodeId: 'xa25-1.1.2', value: '{"inputs":{"denominator":100,"numerator":101},"notApplicable":null}' });
    expect(rate.error?.message).toContain('"Số nhiệm vụ đã hoàn thành" (101) lớn hơn "Tổng số nhiệm vụ trong KH" (100)');
    const level = await refused(await bundle({ unit: KIEN_AN, tweak: setAnswer('xa25-1.4', { inputs: { levelId: 'xuat_sac' } }) }), 'E_ANSWER_INVALID');
    expect(JSON.parse(String(level.error?.params?.problem))).toEqual({ code: 'UNKNOWN_LEVEL', params: { levelId: 'xuat_sac' } });
    const na = await refused(
      await bundle({ unit: KIEN_AN, tweak: setAnswer('xa25-1.4', { inputs: {}, notApplicable: { reason: 'Không có' } }) }),
      'E_ANSWER_INVALID',
    );
    expect(JSON.parse(String(na.error?.params?.problem))).toEqual({ code: 'NA_NOT_ALLOWED', params: {} });
    // "Không áp dụng" without a reason (the unit's app cannot send it): refused by the answer schema.
    const noReason = await refused(await bundle({ unit: KIEN_AN, tweak: setAnswer('xa25-3.6', { inputs: {}, notApplicable: { reason: ' ' } }) }), 'E_ANSWER_INVALID');
    expect(noReason.error?.reason).toBe('BUNDLE_REFUSED_DETAIL');
    expect(noReason.error?.params?.detail).toBe('3.6 (xa25-3.6) = {"inputs":{},"notApplicable":{"reason":" "}}');
  }, 240_000);
});

describe('survey nodes, active submission, trusting a signer from a bundle', () => {
  it('survey/external nodes declared at 100 % are ignored: totals and ranking equal a unit that declared none; Sở Nội vụ\'s entry counts', async () => {
    const surveyIds = (as: BuilderAnswer[]) => as.filter((a) => /^xa25-(1\.6|2\.4|3\.11|8\.1|8\.3)$/.test(a.nodeId) || a.inputs.percent !== undefined || a.inputs.externalValue !== undefined);
    const ka = await accepted(
      await bundle({
        unit: KIEN_AN,
        tweak: (as) => as.map((a) => (surveyIds([a]).length ? { ...a, inputs: a.inputs.externalValue !== undefined ? { externalValue: 100 } : { percent: 100 } } : a)),
      }),
    );
    const ranking = async () => (await callOk<{ rows: InboxRow[] }>(b, 'inbox.ranking', { year: 2025, block: 'PHUONG' })).rows;
    const rows = await ranking();
    const ha = rows.find((r) => r.unitCode === 'P-HA')!;
    const kaRow = rows.find((r) => r.unitCode === 'P-KA')!;
    // Hải An sent the example's survey values, Kiến An 100 %: neither counts, same answers otherwise → same totals, shared rank.
    expect([kaRow.appraisedTotal, kaRow.index, kaRow.rank]).toEqual([ha.appraisedTotal, ha.index, ha.rank]);
    const d = await callOk<InboxDetail>(b, 'inbox.get', { importId: ka.importId });
    const survey = d.nodes.filter((x) => x.survey !== null);
    expect(survey.length).toBeGreaterThan(0);
    expect(survey.map((x) => [x.self, x.survey!.value])).toEqual(survey.map(() => [0, null]));
    expect(d.totals.self.survey).toBe(0);

    // Sở Nội vụ enters one survey result for Kiến An: it flows into the totals and the ranking.
    const node = survey.find((x) => x.survey!.valueUnit === 'percent')!;
    const after = await callOk<InboxDetail>(b, 'inbox.saveSurvey', { importId: ka.importId, nodeId: node.nodeId, value: 50 });
    const half = Math.round(node.max / 2);
    expect(after.totals.appraised.survey).toBe(half);
    expect(after.totals.appraised.final).toBe(d.totals.appraised.final + half);
    expect(after.nodes.find((x) => x.nodeId === node.nodeId)!.survey!.value).toBe(50);
    const ranked = await ranking();
    expect(ranked.find((r) => r.unitCode === 'P-KA')!.rank).toBe(1);
    expect(ranked.find((r) => r.unitCode === 'P-HA')!.rank).toBe(2);
    const out = await b.call('inbox.saveSurvey', { importId: ka.importId, nodeId: node.nodeId, value: 101 });
    expect(out.ok ? 'OK' : out.error.reason).toBe('SURVEY_PERCENT_RANGE');
    const notSurvey = await b.call('inbox.saveSurvey', { importId: ka.importId, nodeId: 'xa25-1.1.2', value: 50 });
    expect(notSurvey.ok ? 'OK' : notSurvey.error.reason).toBe('INBOX_LEAF_NOT_FOUND');
  }, 180_000);

  it('one active submission per unit and year: a new submissionId replaces the listed one, the earlier stays as visible history', async () => {
    const first = (await callOk<{ rows: InboxRow[] }>(b, 'inbox.ranking', { year: 2025, block: 'PHUONG' })).rows.find((r) => r.unitCode === 'P-HA')!;
    const r = await accepted(await bundle({ unit: HAI_AN }));
    expect(r.supersededImportId).toBe(first.importId);
    const rows = (await callOk<{ rows: InboxRow[] }>(b, 'inbox.ranking', { year: 2025, block: 'PHUONG' })).rows.filter((x) => x.unitCode === 'P-HA');
    expect(rows.map((x) => x.importId)).toEqual([r.importId]);
    const old = await callOk<InboxDetail>(b, 'inbox.get', { importId: first.importId });
    expect(old.superseded).toBe(true);
    expect(old.revisions.map((x) => [x.submissionId, x.revision])).toEqual([
      [rows[0]!.submissionId, 1],
      [SUB_HA, 2],
      [SUB_HA, 1],
    ]);
    const appraiseOld = await b.call('inbox.appraise', { importId: first.importId, nodeId: 'xa25-1.1.2', appraisedMilli: 0, comment: 'Thiếu kế hoạch' });
    expect(appraiseOld.ok ? 'OK' : appraiseOld.error.reason).toBe('INBOX_NOT_NEWEST');
  }, 120_000);

  it('"Tin cậy người ký này cho đơn vị …": the refused bundle\'s signer is registered by the appraiser\'s decision, audited, and the bundle then imports', async () => {
    b.host.settings.update({ appraiserName: 'Lê Thị Hoa' });
    const file = await bundle({ unit: NGO_QUYEN });
    await refused(file, 'E_SIGNER_NOT_REGISTERED');
    const up = b.ctx.uploads.register(file, 'ngo-quyen.asice', statSync(file).size);
    const job = await b.ctx.jobs.wait((await callOk<Job>(b, 'registry.trustBundleSigner', { uploadId: up.id, year: 2025, unitCode: 'P-NQ' })).id);
    expect(job.error).toBeUndefined();
    const res = job.result as TrustedSignerResult;
    const leaf = certDetails(pki.leaf);
    expect([res.added, res.unitName, res.signer.sha256, res.signer.source, res.signer.addedBy, res.signer.active]).toEqual([true, 'UBND phường Ngô Quyền', leaf.sha256, 'bundle', 'Lê Thị Hoa', true]);
    const view = await callOk<RegistryView>(b, 'registry.list', { year: 2025 });
    expect(view.audit[0]).toMatchObject({ action: 'TRUST_BUNDLE_SIGNER', who: 'Lê Thị Hoa', unitCode: 'P-NQ', sha256: leaf.sha256 });
    expect(view.units.find((u) => u.code === 'P-NQ')).toMatchObject({ signers: 1, activeSigners: 1 });
    const r = await accepted(file);
    expect(r.unitName).toBe('UBND phường Ngô Quyền');

    // Revoked: kept with its date, and the next bundle is refused again.
    const after = await callOk<RegistryView>(b, 'registry.revokeSigner', { signerId: res.signer.id });
    expect(after.signers.find((s) => s.id === res.signer.id)).toMatchObject({ active: false, revokedBy: 'Lê Thị Hoa' });
    expect(after.audit[0]).toMatchObject({ action: 'REVOKE_SIGNER', unitCode: 'P-NQ', sha256: leaf.sha256 });
    await refused(await bundle({ unit: NGO_QUYEN }), 'E_SIGNER_NOT_REGISTERED');
    const again = await b.call('registry.revokeSigner', { signerId: res.signer.id });
    expect(again.ok ? 'OK' : again.error.reason).toBe('REGISTRY_SIGNER_ALREADY_REVOKED');
    // A unit that is not listed cannot receive a signer.
    const unknown = await b.call('registry.trustBundleSigner', { uploadId: up.id, year: 2025, unitCode: 'P-XX' });
    expect(unknown.ok ? 'OK' : unknown.error.reason).toBe('REGISTRY_UNIT_NOT_FOUND');
  }, 180_000);
});
