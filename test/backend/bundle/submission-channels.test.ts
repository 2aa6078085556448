import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { SubmissionExportResult } from '../../../shared/ipc/channels/submission';
import type { ChosenKey } from '../../../shared/ipc/channels/signing';
import type { Assessment } from '../../../shared/schemas/assessment';
import type { Job } from '../../../shared/schemas/job';
import type { VerifyResult } from '../../../shared/schemas/submission';
import { EMPTY_REPORT_DOCUMENT } from '../../../shared/schemas/document-fields';
import { saveReportDocument } from '../../../electron/backend/db/repos/report-document-repo';
import { listSubmissions } from '../../../electron/backend/db/repos/submission-repo';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { AGENCY_NAME, ASCII_PASSWORD, createTestPki, VI_PASSWORD } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { fillFromExample } from './stored-assessment';

let pki: TestPki;
let b: TestBackend | undefined;
beforeAll(async () => {
  pki = await createTestPki();
}, 60_000);
afterEach(() => {
  b?.cleanup();
  b = undefined;
});


const exportWith = async (b: TestBackend, a: Assessment, p12: string, password: string, out: string) => {
  b.host.nextPicks.push([p12]);
  const preview = await callOk<ChosenKey>(b, 'signing.chooseKey', { source: { kind: 'p12', password } });
  b.host.nextSaveTargets.push(out);
  const job = await callOk<Job>(b, 'submission.export', { assessmentId: a.id, keyId: preview.keyId, password });
  return { preview, job: await b.ctx.jobs.wait(job.id) };
};

describe('submission channels (real SQLite, real store, worker-process verification)', () => {
  it('preview shows the signer; export writes a verified, openssl-checkable bundle, records it and locks the assessment', async () => {
    b = createTestBackend();
    const a = await fillFromExample(b);
    const outDir = makeTempDir('cchc-sub-out-');
    const out = join(outDir, 'STP-HP_2025.asice');
    const { preview, job } = await exportWith(b, a, pki.p12.modernVi, VI_PASSWORD, out);
    expect(preview.signer.subject).toContain('Nguyễn Văn An');
    expect(preview.problem).toBeNull();
    expect(job.error).toBeUndefined();
    expect(job.state).toBe('done');
    const res = job.result as SubmissionExportResult;
    expect(res.fileName).toBe('STP-HP_2025.asice');
    expect(res.status).toBe('VALID_WITH_WARNINGS'); // self-check against the signer's own root, no CRL
    expect(readdirSync(outDir)).toEqual(['STP-HP_2025.asice']);

    const rows = listSubmissions(b.ctx.db, a.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.bundleSha256).toBe(res.sha256);
    const status = (b.ctx.db.prepare('SELECT status FROM assessment WHERE id = ?').get(a.id) as { status: string }).status;
    expect(status).toBe('locked');

    // The bundle carries the stored evidence, both reports, and verifies with openssl.
    const names = execFileSync('unzip', ['-Z1', out]).toString().trim().split('\n');
    expect(names).toEqual(expect.arrayContaining(['mimetype', 'submission.json', 'report.pdf', 'report.xlsx', 'META-INF/ASiCManifest.xml', 'META-INF/signature001.p7s']));
    const x = makeTempDir('cchc-sub-x-');
    execFileSync('unzip', ['-q', out, '-d', x]);
    const v = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(x, 'META-INF/signature001.p7s'), '-content', join(x, 'META-INF/ASiCManifest.xml'), '-CAfile', pki.caFile, '-purpose', 'any', '-out', '/dev/null']);
    expect(v.status).toBe(0);
    const sub = JSON.parse(readFileSync(join(x, 'submission.json'), 'utf8')) as {
      revision: number;
      agency: { code: string };
      indicatorSet: { sha256: string };
      answers: { indicatorId: string; score: { points: number } | null }[];
    };
    expect(sub.revision).toBe(1);
    // The record keeps the unit's score of every leaf as the bundle states it (a result's "self" column is
    // checked against it: services/reply/self-check.ts).
    const kept = rows[0]!.selfScores!;
    const scored = sub.answers.filter((s) => s.score !== null);
    expect(scored.length).toBeGreaterThan(10);
    for (const s of scored) expect([s.indicatorId, kept[s.indicatorId]]).toEqual([s.indicatorId, s.score!.points]);
    expect(Object.keys(kept).length).toBeGreaterThanOrEqual(sub.answers.length);
    expect(sub.agency.code).toBe('STP-HP');
    expect(sub.indicatorSet.sha256).toBe(a.indicatorSetSha256);

    // A second export of a locked revision without reopening goes through (re-export), same submission id.
    const again = await exportWith(b, a, pki.p12.modernAscii, ASCII_PASSWORD, join(outDir, 'again.asice'));
    expect(again.job.state).toBe('done');
    expect((again.job.result as SubmissionExportResult).submissionId).toBe(res.submissionId);

    // Verify channel: a trust folder in the data dir, the bundle picked from disk.
    mkdirSync(join(b.dataDir, 'trust'));
    copyFileSync(pki.caFile, join(b.dataDir, 'trust', 'root.pem'));
    writeFileSync(join(b.dataDir, 'trust', 'crls.pem'), readFileSync(pki.crlFile));
    b.host.nextPicks.push([out]);
    const vj = await b.ctx.jobs.wait((await callOk<Job>(b, 'trust.verify', {})).id);
    const vr = vj.result as VerifyResult;
    expect(vr.status).toBe('VALID');
    expect(vr.submission?.agency.code).toBe('STP-HP');
    expect(await callOk(b, 'submission.showInFolder', { jobId: job.id })).toEqual({ shown: true });
    expect(b.host.shown).toContain(out);
  }, 120_000);

  it('wrong password, expired key and failing preflight are refused; nothing is written or recorded', async () => {
    b = createTestBackend();
    const a = await fillFromExample(b);
    b.host.nextPicks.push([pki.p12.modernAscii]);
    const wrong = await b.call('signing.chooseKey', { source: { kind: 'p12', password: 'sai' } });
    expect(wrong.ok ? null : wrong.error.code).toBe('WRONG_PASSWORD');
    // The dialog's choice comes back as an opaque id: retyping the password does not reopen the dialog.
    const again = wrong.ok ? null : (wrong.error.details as { uploadId: string }).uploadId;
    expect(again).toMatch(/^[0-9a-f]{32}$/);
    const retried = await callOk<ChosenKey>(b, 'signing.chooseKey', { source: { kind: 'p12', password: ASCII_PASSWORD, uploadId: again! } });
    expect(retried.signer.subject).toBe(`CN=Nguyễn Văn An, O=${AGENCY_NAME}, C=VN`);
    expect(b.host.nextPicks).toEqual([]);

    b.host.nextPicks.push([pki.p12.expiredAscii]);
    const p = await callOk<ChosenKey>(b, 'signing.chooseKey', { source: { kind: 'p12', password: ASCII_PASSWORD } });
    expect(p.problem?.code).toBe('CERT_EXPIRED');
    const outDir = makeTempDir('cchc-sub-bad-');
    b.host.nextSaveTargets.push(join(outDir, 'x.asice'));
    const j = await b.ctx.jobs.wait((await callOk<Job>(b, 'submission.export', { assessmentId: a.id, keyId: p.keyId, password: ASCII_PASSWORD })).id);
    expect(j.error?.code).toBe('CERT_EXPIRED');

    const empty = await callOk<Assessment>(b, 'assessments.create', { year: 2026, indicatorSetId: 'hp-2025-so', deadline: null });
    const { job } = await exportWith(b, empty, pki.p12.modernAscii, ASCII_PASSWORD, join(outDir, 'y.asice'));
    expect(job.error?.code).toBe('PREFLIGHT_FAILED');
    // the bundle carries the final report: one without its number and date is refused before signing
    saveReportDocument(b.ctx.db, a.id, { ...EMPTY_REPORT_DOCUMENT, symbol: 'BC-STP' }, new Date().toISOString());
    const { job: unnumbered } = await exportWith(b, a, pki.p12.modernAscii, ASCII_PASSWORD, join(outDir, 'z.asice'));
    expect(unnumbered.error?.code).toBe('PREFLIGHT_FAILED');
    expect(unnumbered.error?.message).toMatch(/^Báo cáo chưa có số văn bản, ngày ban hành\. /);
    expect(readdirSync(outDir)).toEqual([]);
    expect(listSubmissions(b.ctx.db, a.id)).toHaveLength(0);
    expect(existsSync(join(outDir, 'y.asice.partial'))).toBe(false);
  }, 120_000);

  it('without configured trust anchors, "Kiểm tra hồ sơ" and the wizard give the same verdict and codes (W_TRUST_NOT_CONFIGURED), never VALID', async () => {
    b = createTestBackend();
    const a = await fillFromExample(b);
    const out = join(makeTempDir('cchc-sub-t-'), 'b.asice');
    const { job } = await exportWith(b, a, pki.p12.modernAscii, ASCII_PASSWORD, out);
    const wizard = job.result as SubmissionExportResult;
    b.host.nextPicks.push([out]);
    const vj = await b.ctx.jobs.wait((await callOk<Job>(b, 'trust.verify', {})).id);
    const verified = vj.result as VerifyResult;
    expect({ status: verified.status, code: verified.code, warnings: verified.warnings.map((w) => w.code) }).toEqual({
      status: 'VALID_WITH_WARNINGS',
      code: 'W_TRUST_NOT_CONFIGURED',
      warnings: ['W_TRUST_NOT_CONFIGURED', 'W_REVOCATION_UNKNOWN'],
    });
    expect({ status: wizard.status, code: wizard.code, warnings: wizard.warnings }).toEqual({
      status: 'VALID_WITH_WARNINGS',
      code: 'W_TRUST_NOT_CONFIGURED',
      warnings: ['W_TRUST_NOT_CONFIGURED', 'W_REVOCATION_UNKNOWN'],
    });
    // A configured anchor that is not the signer's: E_UNTRUSTED as before (the fallback is only for "none").
    mkdirSync(join(b.dataDir, 'trust'));
    writeFileSync(join(b.dataDir, 'trust', 'foreign.pem'), readFileSync(pki.foreignCaFile));
    b.host.nextPicks.push([out]);
    const fj = await b.ctx.jobs.wait((await callOk<Job>(b, 'trust.verify', {})).id);
    expect((fj.result as VerifyResult).code).toBe('E_UNTRUSTED');
    expect((fj.result as VerifyResult).status).toBe('INVALID');
  }, 120_000);
});
