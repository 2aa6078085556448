import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { packContainer } from '../../../electron/backend/services/bundle/pack-container';
import { recordSubmissionAndLock } from '../../../electron/backend/db/repos/submission-repo';
import { saveReceivedRound } from '../../../electron/backend/db/repos/received-round-repo';
import { unitDay } from '../../../electron/backend/services/assessments/unit-day';
import { APPRAISAL_RESULT_PATH } from '../../../shared/schemas/appraisal-result';
import type { AppraisalResult } from '../../../shared/schemas/appraisal-result';
import { FINAL_RESULT_PATH } from '../../../shared/schemas/final-result';
import type { FinalResult } from '../../../shared/schemas/final-result';
import type { Job } from '../../../shared/schemas/job';
import type { Backend } from '../../../electron/backend/backend';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import type { TestCert, TestPki } from '../../helpers/pki';
import { testSigner } from '../bundle/craft';
import { sampleFinal, sampleResult } from '../round/exchange-fixtures';
import { unitProfile } from '../round/fixtures';

/**
 * A unit (Phường Hồng Bàng, as the exchange fixtures name it) that holds the 2025 round, sent its bundle
 * (the submission row the result names) with one evidence document, and trusts the test root. The clock is
 * real time (the test certificates are valid around it) and can be moved; the giải trình window is set
 * around it: opened two days ago, closes in five days.
 */
export type ReplyUnit = { u: TestBackend; assessmentId: string; documentId: string; clock: { now: Date }; window: { start: string; end: string } };

const DAY = 86_400_000;
export const HONGBANG = unitProfile('P-HONGBANG', 'Phường Hồng Bàng', 'PHUONG');

export const windowAround = (now: Date): { start: string; end: string } => ({ start: unitDay(new Date(now.getTime() - 2 * DAY)), end: unitDay(new Date(now.getTime() + 5 * DAY)) });
export const daysAfter = (day: string, n: number): Date => new Date(Date.parse(`${day}T05:00:00Z`) + n * DAY);

/** The received round (window around `now`) and the submission row the sample result names, written through the repos. */
export const seedRoundAndSubmission = (b: Backend, assessmentId: string, now: Date, o: { round?: boolean; submission?: boolean; selfScores?: Record<string, number> } = {}): { start: string; end: string } => {
  const window = windowAround(now);
  const r = sampleResult();
  if (o.round !== false) {
    saveReceivedRound(
      b.ctx.db,
      {
        roundId: r.roundId,
        year: 2025,
        revision: 1,
        issuerCode: r.issuer.code,
        issuerName: r.issuer.name,
        signerSubject: 'CN=Test',
        signerSha256: 'd'.repeat(64),
        packageSha256: 'e'.repeat(64),
        deadlines: { selfAssessmentDue: '2025-11-30', explanationStart: window.start, explanationEnd: window.end },
        roundJson: '{}',
        verificationJson: '{}',
        importedAt: now.toISOString(),
      },
      [],
    );
  }
  if (o.submission !== false) {
    recordSubmissionAndLock(b.ctx.db, {
      id: randomUUID(),
      assessmentId,
      submissionId: r.submission.submissionId,
      revision: r.submission.revision,
      supersedes: null,
      bundleSha256: r.submission.bundleSha256,
      bundleSize: 1000,
      path: '/tmp/x.asice',
      signerSubject: 'CN=Test',
      signerSha256: 'f'.repeat(64),
      verificationCode: 'OK',
      createdAt: now.toISOString(),
      selfScores: o.selfScores ?? null,
    });
  }
  return window;
};

export const setupUnit = async (pki: TestPki, o: { trust?: boolean; round?: boolean; submission?: boolean; selfScores?: Record<string, number> } = {}): Promise<ReplyUnit> => {
  const clock = { now: new Date() };
  const u = createTestBackend({ now: () => clock.now });
  await callOk(u, 'unit.save', HONGBANG);
  if (o.trust !== false) {
    u.host.nextPicks.push([pki.caFile]);
    await callOk(u, 'trust.import', {});
  }
  const assessmentId = (await callOk<{ id: string }>(u, 'assessments.create', { year: 2025, indicatorSetId: 'hp-2025-xa-phuong' })).id;
  const evFile = join(makeTempDir('cchc-ans-ev-'), 'Kế hoạch CCHC 2025.pdf');
  writeFileSync(evFile, '%PDF-1.4\n% kế hoạch\n');
  u.host.nextPicks.push([evFile]);
  const attach = await u.ctx.jobs.wait((await callOk<Job>(u, 'evidence.attach', { assessmentId, nodeId: null, source: { kind: 'dialog' } })).id);
  const documentId = (attach.result as { documents: { documentId: string }[] }).documents[0]!.documentId;
  const window = seedRoundAndSubmission(u, assessmentId, clock.now, o);
  return { u, assessmentId, documentId, clock, window };
};

/** A result whose window matches the unit's round. */
export const resultFor = (a: ReplyUnit, patch: Partial<AppraisalResult> = {}): AppraisalResult => ({ ...sampleResult(), explanationWindow: a.window, ...patch });
export const finalFor = (patch: Partial<FinalResult> = {}): FinalResult => ({ ...sampleFinal(), ...patch });

export const packAs = async (pki: TestPki, path: string, value: unknown, signer: { cert: TestCert; chain: TestCert[] } = { cert: pki.leaf, chain: [pki.intermediate] }): Promise<string> => {
  const out = join(makeTempDir('cchc-ans-pk-'), 'p.asice');
  await packContainer({ out, content: { path, value }, files: [], buffers: [], signer: testSigner(signer.cert, signer.chain), now: new Date() });
  return out;
};
export const packResult = (pki: TestPki, value: AppraisalResult): Promise<string> => packAs(pki, APPRAISAL_RESULT_PATH, value);
export const packFinal = (pki: TestPki, value: FinalResult): Promise<string> => packAs(pki, FINAL_RESULT_PATH, value);

/** Runs an import channel on a picked file; the finished job. */
export const importVia = async (u: TestBackend, channel: 'reply.importResult' | 'reply.importFinal', file: string): Promise<Job> => {
  u.host.nextPicks.push([file]);
  return u.ctx.jobs.wait((await callOk<Job>(u, channel, {})).id);
};

export const count = (u: TestBackend, table: string): number => (u.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
