import { randomUUID } from 'node:crypto';

import { preflightFailureParams } from '../../../../shared/domain/preflight';
import { AppFailure } from '../../../../shared/ipc/result';
import type { IndicatorSet } from '../../../../shared/schemas/indicator-set';
import type { VerifyResult } from '../../../../shared/schemas/submission';
import { step } from '../../../../shared/domain/progress-steps';
import type { OnProgress } from '../../../../shared/domain/progress-steps';
import type { BackendContext } from '../../context';
import { listAnswers } from '../../db/repos/answer-repo';
import { listDocumentRows } from '../../db/repos/evidence-repo';
import { findSubmissionRevision, recordSubmissionAndLock, submissionIdOf } from '../../db/repos/submission-repo';
import { getUnitProfile } from '../../db/repos/unit-repo';
import { requireAssessment } from '../assessments/guards';
import { preflightAssessment } from '../assessments/preflight';
import { storePathFor } from '../evidence/store';
import { assertReportFinal } from '../report/report-final';
import { loadReportModel } from '../report/report-source';
import { loadSignedReportBuilder, loadWorkbookBuilder } from '../office-loader';
import type { Signer } from '../signing/signer';
import { appearanceImagesOf } from '../unit/signature-images';
import { assertSignerUsable } from '../signing/signer-policy';
import { REPORT_PDF_PATH, REPORT_XLSX_PATH } from './constants';
import { packBundle } from './pack';
import type { PackResult } from './pack';
import { buildSubmission, bundleFileName, uuidV7 } from './submission-builder';
import { verifyBundle } from './verify/verify-bundle';
import type { TrustStore } from './verify/trust';

/**
 * Trust for the CLI's portable re-check of the bundle it packs: the configured anchors when there are any;
 * otherwise the top of the signer's own chain, which still proves the file is complete, intact and signed
 * by this key (whether Sở Nội vụ trusts the CA is decided on their side). The app's export uses the
 * unit-side rule instead (TrustStore.selfCheckWhenEmpty), so its verdict matches "Kiểm tra hồ sơ".
 */
export const selfCheckTrust = (signer: Signer, configured?: TrustStore | null): TrustStore =>
  configured && configured.anchors.length
    ? configured
    : { anchors: [signer.root ?? signer.chain.at(-1) ?? signer.certificate], crls: configured?.crls ?? [] };

export type ExportAssessmentOptions = {
  assessmentId: string;
  signer: Signer;
  /** Folder for the bundle; the file name follows the profile (<Agency>_<Period>_<id8>.asice). */
  outDir?: string;
  /** Or an explicit target path. */
  out?: string;
  trust?: TrustStore | null;
  signal?: AbortSignal;
  onProgress?: OnProgress;
  /** How to run the full verification of the written file (the app uses the worker process). */
  verify?: (file: string, trust: TrustStore) => Promise<VerifyResult>;
};

export type ExportAssessmentResult = PackResult & { submissionId: string; revision: number };

/**
 * The unit's final act: preflight must pass; then submission.json + evidence from the store + the Excel
 * report and the PAdES-signed PDF report are packed, signed, verified and recorded, and the assessment is
 * locked.
 */
export const exportAssessment = async (ctx: BackendContext, o: ExportAssessmentOptions): Promise<ExportAssessmentResult> => {
  const assessment = requireAssessment(ctx.db, o.assessmentId);
  const now = ctx.now();
  assertSignerUsable(o.signer, now);
  const existingId = submissionIdOf(ctx.db, assessment.id);
  // A locked revision that already has a bundle may be exported again (a lost file); anything else locked may not.
  const reExport = !!existingId && !!findSubmissionRevision(ctx.db, existingId, assessment.revision);
  // No re-hash here: packing reads every evidence file once and checks its SHA-256 in that same pass
  // (pack.ts, FILE_CHANGED); preflight still refuses missing or resized files with their names.
  const preflight = await preflightAssessment(ctx, assessment.id, { ignoreLock: reExport });
  if (!preflight.ok) throw AppFailure.of('PREFLIGHT_BLOCKED', preflightFailureParams(preflight), { errors: preflight.errors.length });
  // the bundle carries the final report: its number, date, signer and narrative must be there (never "…")
  const model = loadReportModel(ctx, assessment.id).model;
  assertReportFinal(model);
  const unit = getUnitProfile(ctx.db);
  if (!unit) throw AppFailure.of('UNIT_PROFILE_BEFORE_BUNDLE');
  const set = ctx.catalog.get(assessment.indicatorSetId).document as IndicatorSet;
  if (set.version !== assessment.indicatorSetVersion) {
    throw AppFailure.of('SET_CHANGED_SINCE_CREATED');
  }
  const submissionId = existingId ?? uuidV7(now.getTime());
  const docs = listDocumentRows(ctx.db, assessment.id);
  const { submission, evidence, selfScores } = buildSubmission({
    set,
    setSha256: assessment.indicatorSetSha256,
    answers: listAnswers(ctx.db, assessment.id).map((a) => ({
      nodeId: a.nodeId,
      inputs: a.inputs,
      notApplicable: a.notApplicable,
      explanation: a.explanation,
      evidenceWaiver: a.evidenceWaiver,
      evidenceKeys: a.evidenceIds,
    })),
    evidence: docs.map((d) => ({
      key: d.id,
      source: storePathFor(ctx.dataDir, d.sha256),
      originalName: d.originalName,
      mediaType: d.mediaType,
      size: d.size,
      sha256: d.sha256,
      metadata: Object.fromEntries(Object.entries(d.meta).filter(([, v]) => typeof v === 'string' && v.length > 0)) as Record<string, string>,
    })),
    agency: { code: unit.code, name: unit.name, type: unit.type },
    period: String(assessment.year),
    submissionId,
    revision: assessment.revision,
    supersedes: assessment.supersedesRevision,
    appName: 'CCHC Tự đánh giá',
    appVersion: ctx.appVersion,
    now,
  });
  // report.pdf is signed as a PDF first (PAdES, by the same key and in the same token session as the bundle),
  // so the manifest covers the signed bytes: Sở Nội vụ's PDF tools see the signature, the bundle still verifies.
  o.onProgress?.(0, 1, step('SIGNING_REPORT_PDF'));
  const signedReport = await (await loadSignedReportBuilder())(model, {
    signer: o.signer,
    signingTime: now,
    images: appearanceImagesOf(ctx.db),
    resourcesDir: ctx.resourcesDir,
  });
  const reports = [
    { path: REPORT_PDF_PATH as 'report.pdf', data: signedReport },
    { path: REPORT_XLSX_PATH as 'report.xlsx', data: await (await loadWorkbookBuilder())(model) },
  ];
  const out = o.out ?? `${o.outDir ?? ctx.dataDir}/${bundleFileName(unit.code, submission.period, submissionId, assessment.revision)}`;
  // The same trust rule as "Kiểm tra hồ sơ" (services/trust/verify.ts): same bundle, same verdict.
  const trust: TrustStore = { anchors: o.trust?.anchors ?? [], crls: o.trust?.crls ?? [], selfCheckWhenEmpty: true };
  const verify = o.verify ?? ((file: string, t: TrustStore) => verifyBundle(file, { trust: t }));
  const res = await packBundle({
    out,
    submission,
    evidence,
    reports,
    signer: o.signer,
    now,
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    verify: (file) => verify(file, trust),
  });
  recordSubmissionAndLock(ctx.db, {
    id: randomUUID(),
    assessmentId: assessment.id,
    submissionId,
    revision: assessment.revision,
    supersedes: assessment.supersedesRevision,
    bundleSha256: res.sha256,
    bundleSize: res.size,
    path: res.path,
    signerSubject: o.signer.details.subject,
    signerSha256: o.signer.details.sha256,
    verificationCode: res.verification?.code ?? 'OK',
    createdAt: now.toISOString(),
    selfScores,
  });
  ctx.logger.info('submission bundle exported', { assessmentId: assessment.id, revision: assessment.revision, sha256: res.sha256 });
  return { ...res, submissionId, revision: assessment.revision };
};
