import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { ReceivedRound, RoundDetail, RoundExportResult } from '../../../shared/ipc/channels/round';
import type { ChosenKey } from '../../../shared/ipc/channels/signing';
import type { Assessment } from '../../../shared/schemas/assessment';
import type { Job } from '../../../shared/schemas/job';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { ASCII_PASSWORD, createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { packContainer } from '../../../electron/backend/services/bundle/pack-container';
import type { RoundPackage } from '../../../shared/schemas/round';
import { testSigner } from '../bundle/craft';
import { DEADLINES, installOfficialSets, registerRoundUnits, rewriteEntry, roundInput, SNV, STP } from './fixtures';

let pki: TestPki;
const open: TestBackend[] = [];
const backend = (): TestBackend => {
  const b = createTestBackend();
  open.push(b);
  return b;
};
beforeAll(async () => {
  pki = await createTestPki();
}, 60_000);
afterEach(() => {
  for (const b of open.splice(0)) b.cleanup();
});

/** Sở Nội vụ: profile, official sets, the 2025 round, exported with `p12` to `out`. */
const publish = async (p12: string, out: string, soTrusts?: string): Promise<{ so: TestBackend; round: RoundDetail; job: Job }> => {
  const so = backend();
  await callOk(so, 'unit.save', SNV);
  if (soTrusts) {
    so.host.nextPicks.push([soTrusts]);
    await callOk(so, 'trust.import', {});
  }
  installOfficialSets(so);
  registerRoundUnits(so);
  const round = await callOk<RoundDetail>(so, 'round.save', roundInput());
  so.host.nextPicks.push([p12]);
  const preview = await callOk<ChosenKey>(so, 'signing.chooseKey', { source: { kind: 'p12', password: ASCII_PASSWORD } });
  so.host.nextSaveTargets.push(out);
  const started = await callOk<Job>(so, 'round.export', { roundId: round.id, keyId: preview.keyId, password: ASCII_PASSWORD });
  const job = await so.ctx.jobs.wait(started.id);
  expect(job.error).toBeUndefined();
  return { so, round, job };
};

/** A unit that trusts the test root (trust.import, as the unit does once). */
const unitTrusting = async (caFile: string | null): Promise<TestBackend> => {
  const u = backend();
  await callOk(u, 'unit.save', STP);
  if (caFile) {
    u.host.nextPicks.push([caFile]);
    await callOk(u, 'trust.import', {});
  }
  return u;
};

const importRound = async (u: TestBackend, file: string): Promise<Job> => {
  u.host.nextPicks.push([file]);
  const started = await callOk<Job>(u, 'round.import', {});
  return u.ctx.jobs.wait(started.id);
};

const storedRounds = (u: TestBackend): number => (u.ctx.db.prepare('SELECT count(*) AS n FROM received_round').get() as { n: number }).n;
const userSetFiles = (u: TestBackend): string[] => (existsSync(u.ctx.catalog.userDir!) ? readdirSync(u.ctx.catalog.userDir!) : []);

describe('round package: Sở Nội vụ publishes, a unit imports and is bound (real SQLite, worker verification)', () => {
  it('save → export → openssl → import → the year is bound to the official set and deadline', async () => {
    const out = join(makeTempDir('cchc-round-out-'), 'round.asice');
    const { round, job } = await publish(pki.p12.modernAscii, out);
    expect(round.revision).toBe(1);
    expect(round.sets.map((s) => `${s.block}:${s.setId}@${s.setVersion}`)).toEqual(['PHUONG:hp-2025-xa-phuong@2025.1', 'SO:hp-2025-so@2025.1', 'XA_DAC_KHU:hp-2025-xa-phuong@2025.1']);
    expect(job.error).toBeUndefined();
    const res = job.result as RoundExportResult;
    expect(res.revision).toBe(1);
    expect(res.status).toBe('VALID_WITH_WARNINGS'); // self-check with the signer's own root, no CRL
    const names = spawnSync('unzip', ['-Z1', out]).stdout.toString().trim().split('\n');
    expect(names).toEqual(['mimetype', 'round.json', 'sets/phuong.json', 'sets/so.json', 'sets/xa_dac_khu.json', 'META-INF/ASiCManifest.xml', 'META-INF/signature001.p7s']);
    const x = makeTempDir('cchc-round-x-');
    spawnSync('unzip', ['-q', out, '-d', x]);
    const cms = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(x, 'META-INF/signature001.p7s'), '-content', join(x, 'META-INF/ASiCManifest.xml'), '-CAfile', pki.caFile, '-purpose', 'any', '-out', '/dev/null']);
    expect(cms.status).toBe(0);
    const json = JSON.parse(readFileSync(join(x, 'round.json'), 'utf8')) as { format: string; kind: string; year: number; issuer: { code: string } };
    expect([json.format, json.kind, json.year, json.issuer.code]).toEqual(['SATB/1', 'round', 2025, 'SNV-HP']);

    const u = await unitTrusting(pki.caFile);
    // An assessment begun on the sample set before the round arrived.
    const early = await callOk<Assessment>(u, 'assessments.create', { year: 2025, indicatorSetId: 'hp-2025-so' });
    expect(early.indicatorSetVersion).toBe('2025.0-mau');
    const done = await importRound(u, out);
    expect(done.error).toBeUndefined();
    expect(done.result).toMatchObject({ year: 2025, revision: 1, bound: [], other: [early.id], newSets: 2 });
    const list = await callOk<{ received: ReceivedRound[]; officialSetShas: string[] }>(u, 'round.list', {});
    expect(list.received).toHaveLength(1);
    const got = list.received[0]!;
    expect(got.issuer).toEqual({ code: 'SNV-HP', name: 'Sở Nội vụ thành phố Hải Phòng' });
    expect(got.officialSet?.setVersion).toBe('2025.1');
    expect(got.otherSetAssessmentIds).toEqual([early.id]);
    expect(list.officialSetShas).toContain(got.officialSet!.setSha256);
    expect(list.officialSetShas).not.toContain(early.indicatorSetSha256);

    // From now on the year's assessment is on the official set, with the round's deadline, which stays.
    const bound = await callOk<Assessment>(u, 'assessments.create', { year: 2025, indicatorSetId: 'hp-2025-so' });
    expect(bound.indicatorSetVersion).toBe('2025.1');
    expect(bound.indicatorSetSha256).toBe(got.officialSet!.setSha256);
    expect(bound.deadline).toBe(DEADLINES.selfAssessmentDue);
    expect((u.ctx.db.prepare('SELECT round_id AS r FROM assessment WHERE id = ?').get(bound.id) as { r: string }).r).toBe(got.roundId);
    const moved = await u.call('assessments.setDeadline', { assessmentId: bound.id, deadline: '2025-12-31' });
    expect(moved.ok ? 'OK' : moved.error.reason).toBe('ROUND_DEADLINE_FIXED');
    const after = await callOk<{ received: ReceivedRound[] }>(u, 'round.list', {});
    expect(after.received[0]!.boundAssessmentIds).toEqual([bound.id]);

    // The same package again is a replay: refused, nothing changes.
    const again = await importRound(u, out);
    expect(again.state).toBe('failed');
    expect(again.error?.reason).toBe('ROUND_REFUSED');
    expect(again.error?.params).toEqual({ check: 'E_REPLAY' });
  }, 120_000);

  it('an edit after export raises the revision; the unit takes the higher revision', async () => {
    const dir = makeTempDir('cchc-round-rev-');
    const { so, round } = await publish(pki.p12.modernAscii, join(dir, 'r1.asice'));
    const edited = await callOk<RoundDetail>(so, 'round.save', { ...roundInput(), id: round.id, deadlines: { ...DEADLINES, selfAssessmentDue: '2025-12-05' } });
    expect(edited.revision).toBe(2);
    const same = await callOk<RoundDetail>(so, 'round.save', { ...roundInput(), id: round.id, deadlines: { ...DEADLINES, selfAssessmentDue: '2025-12-06' } });
    expect(same.revision).toBe(2); // not exported since: same revision
    so.host.nextPicks.push([pki.p12.modernAscii]);
    const preview = await callOk<ChosenKey>(so, 'signing.chooseKey', { source: { kind: 'p12', password: ASCII_PASSWORD } });
    so.host.nextSaveTargets.push(join(dir, 'r2.asice'));
    const job = await so.ctx.jobs.wait((await callOk<Job>(so, 'round.export', { roundId: round.id, keyId: preview.keyId, password: ASCII_PASSWORD })).id);
    expect(job.error).toBeUndefined();

    const u = await unitTrusting(pki.caFile);
    expect((await importRound(u, join(dir, 'r1.asice'))).state).toBe('done');
    const a = await callOk<Assessment>(u, 'assessments.create', { year: 2025, indicatorSetId: 'hp-2025-so' });
    expect(a.deadline).toBe('2025-11-30');
    expect((await importRound(u, join(dir, 'r2.asice'))).state).toBe('done');
    const list = await callOk<{ received: ReceivedRound[] }>(u, 'round.list', {});
    expect(list.received.map((r) => [r.revision, r.deadlines.selfAssessmentDue])).toEqual([[2, '2025-12-06']]);
    expect((await callOk<Assessment>(u, 'assessments.get', { assessmentId: a.id })).deadline).toBe('2025-12-06');
    // And the older package after the newer one is a replay.
    const old = await importRound(u, join(dir, 'r1.asice'));
    expect(old.error?.params).toEqual({ check: 'E_REPLAY' });
  }, 120_000);

  it('refused with nothing stored: no trust anchor (E_UNTRUSTED), a foreign root, a unit not on the list', async () => {
    const dir = makeTempDir('cchc-round-ref-');
    await publish(pki.p12.modernAscii, join(dir, 'good.asice'));
    await publish(pki.p12.foreignAscii, join(dir, 'foreign.asice'), pki.foreignCaFile);

    const noAnchor = await unitTrusting(null);
    const a = await callOk<Assessment>(noAnchor, 'assessments.create', { year: 2025, indicatorSetId: 'hp-2025-so' });
    const j1 = await importRound(noAnchor, join(dir, 'good.asice'));
    expect([j1.error?.reason, j1.error?.params]).toEqual(['ROUND_REFUSED', { check: 'E_UNTRUSTED' }]);
    expect(storedRounds(noAnchor)).toBe(0);
    expect(userSetFiles(noAnchor)).toEqual([]);
    expect((await callOk<Assessment>(noAnchor, 'assessments.get', { assessmentId: a.id })).deadline).toBeNull();

    const u = await unitTrusting(pki.caFile);
    const j2 = await importRound(u, join(dir, 'foreign.asice'));
    expect(j2.error?.params).toEqual({ check: 'E_UNTRUSTED' });
    expect(storedRounds(u)).toBe(0);

    const stranger = backend();
    await callOk(stranger, 'unit.save', { ...STP, code: 'SXD-HP', name: 'Sở Xây dựng thành phố Hải Phòng' });
    stranger.host.nextPicks.push([pki.caFile]);
    await callOk(stranger, 'trust.import', {});
    const j3 = await importRound(stranger, join(dir, 'good.asice'));
    expect([j3.error?.reason, j3.error?.params]).toEqual(['ROUND_UNIT_NOT_LISTED', { code: 'SXD-HP', year: 2025 }]);
    expect(storedRounds(stranger)).toBe(0);
    expect(userSetFiles(stranger)).toEqual([]);
    // Listed, but under another block than the unit declared: both blocks named in words, not codes.
    const misplaced = backend();
    await callOk(misplaced, 'unit.save', { ...STP, type: 'PHUONG' });
    misplaced.host.nextPicks.push([pki.caFile]);
    await callOk(misplaced, 'trust.import', {});
    const j3b = await importRound(misplaced, join(dir, 'good.asice'));
    expect(j3b.error?.reason).toBe('ROUND_UNIT_BLOCK_MISMATCH');
    expect(j3b.error?.message).toBe('Đợt đánh giá xếp đơn vị STP-HP vào khối Sở, ban, ngành, khác với loại đơn vị đã khai báo (Phường).');
    expect(storedRounds(misplaced)).toBe(0);

    // Tampered after signing: a set file changed inside the package.
    const roundJson = JSON.parse(execFileSync('unzip', ['-p', join(dir, 'good.asice'), 'round.json']).toString()) as RoundPackage;
    const soSet = JSON.parse(execFileSync('unzip', ['-p', join(dir, 'good.asice'), 'sets/so.json']).toString()) as { name: string };
    const tampered = rewriteEntry(join(dir, 'good.asice'), 'sets/so.json', Buffer.from(JSON.stringify({ ...soSet, name: `${soSet.name} (sửa)` })));
    const j4 = await importRound(u, tampered);
    expect(j4.error?.params).toEqual({ check: 'E_DIGEST_MISMATCH' });
    // Correctly signed, but the set hash round.json declares is not the included set's.
    const forged = join(dir, 'forged.asice');
    const sets = ['phuong', 'so', 'xa_dac_khu'].map((k) => ({ path: `sets/${k}.json`, data: execFileSync('unzip', ['-p', join(dir, 'good.asice'), `sets/${k}.json`]), compress: true }));
    const wrongHash = { ...roundJson, sets: roundJson.sets.map((s) => (s.block === 'SO' ? { ...s, sha256: 'b'.repeat(64) } : s)) };
    await packContainer({ out: forged, content: { path: 'round.json', value: wrongHash }, files: [], buffers: sets, signer: testSigner(pki.leaf, [pki.intermediate]), now: new Date() });
    const j5 = await importRound(u, forged);
    expect(j5.error?.params).toEqual({ check: 'E_ROUND_SET_MISMATCH' });
    expect(storedRounds(u)).toBe(0);
    expect(userSetFiles(u)).toEqual([]);
    expect(readdirSync(join(u.dataDir, 'tmp')).filter((f) => f.startsWith('round-'))).toEqual([]);
  }, 180_000);
});
