import { AppFailure } from '../../../../shared/ipc/result';
import type { AppraisalResult } from '../../../../shared/schemas/appraisal-result';
import type { PackageUnit } from '../../../../shared/schemas/exchange-common';
import type { IndicatorSet } from '../../../../shared/schemas/indicator-set';
import type { BackendContext } from '../../context';
import { latestResult, saveResult } from '../../db/repos/reply-result-repo';
import { receivedRoundForYear } from '../../db/repos/received-round-repo';
import { findAssessment } from '../../db/repos/assessment-repo';
import { findSubmissionRevision } from '../../db/repos/submission-repo';
import { getUnitProfile } from '../../db/repos/unit-repo';
import { inTransaction } from '../../db/transaction';
import { assertLinesOfSet } from './result-lines';
import { refused, verifyIncoming } from './verify-incoming';

/**
 * The indicator set a received package names, as the unit's own assessment used it: the package must name the
 * set of that assessment by its SHA-256, and the catalog's copy is that very set (a submission's assessment always
 * exists: submission rows go with their assessment). Refused with REPLY_SET_MISMATCH otherwise.
 */
export const setOfAssessment = (ctx: BackendContext, assessmentId: string, named: AppraisalResult['indicatorSet']): IndicatorSet => {
  const a = findAssessment(ctx.db, assessmentId);
  if (!a) throw AppFailure.of('REPLY_RESULT_NOT_FOUND');
  const mismatch = AppFailure.of('REPLY_SET_MISMATCH', { set: `${named.id} ${named.version}`, mine: `${a.indicatorSetId} ${a.indicatorSetVersion}` });
  if (a.indicatorSetSha256 !== named.sha256) throw mismatch;
  const entry = ctx.catalog.getVersion(a.indicatorSetId, a.indicatorSetVersion);
  if (entry.summary.sha256 !== named.sha256) throw mismatch;
  return entry.document;
};

export type ImportResultOutcome = { resultId: string; revision: number; year: number; superseded: number | null };

/** The unit and round rules both Sở Nội vụ packages share: this unit's profile, its code, the round it holds. */
export const checkUnitAndRound = (ctx: BackendContext, p: { unit: PackageUnit; year: number; roundId: string }): void => {
  const unit = getUnitProfile(ctx.db);
  if (!unit) throw AppFailure.of('REPLY_UNIT_PROFILE_FIRST');
  if (p.unit.code.toLowerCase() !== unit.code.toLowerCase()) throw AppFailure.of('REPLY_WRONG_UNIT', { code: p.unit.code, mine: unit.code });
  const round = receivedRoundForYear(ctx.db, p.year);
  if (!round) throw AppFailure.of('REPLY_ROUND_FIRST', { year: p.year });
  if (round.roundId !== p.roundId) throw AppFailure.of('REPLY_OTHER_ROUND', { year: p.year });
};

/**
 * Imports Sở Nội vụ's appraisal-result package (docs/package-formats.md §4, unit side). After the signature
 * (verify-incoming.ts) the unit's rules, each with its own reason and nothing stored on refusal: a unit
 * profile; the result is for this unit; this unit holds the round of that year with the same id; the
 * revision is higher than any held (else E_REPLAY); the submission it appraised is one this unit sent — a
 * result about a bundle the unit never produced is refused, since the giải trình cites that assessment's
 * evidence; it is made with the indicator set that submission used (same SHA-256), and each of its lines is
 * a criterion of that set as the set describes it (result-lines.ts). A higher revision is
 * stored and the earlier ones are kept, marked superseded.
 */
export const importResult = async (ctx: BackendContext, data: Buffer, o: { signal?: AbortSignal } = {}): Promise<ImportResultOutcome> => {
  const got = await verifyIncoming(ctx, data, 'appraisal-result', o);
  const r: AppraisalResult = got.content;
  checkUnitAndRound(ctx, r);
  const held = latestResult(ctx.db, r.resultId);
  if (held && held.revision >= r.revision) throw refused('E_REPLAY', `result ${r.resultId} revision ${r.revision}`);
  const sent = findSubmissionRevision(ctx.db, r.submission.submissionId, r.submission.revision);
  if (!sent) throw AppFailure.of('REPLY_SUBMISSION_UNKNOWN', { submissionId: r.submission.submissionId, revision: r.submission.revision });
  // The result scores what the unit sent: the same indicator set, to the byte (its canonical SHA-256).
  // Every line is a leaf of that set, in the right part, with its kind and maximum (result-lines.ts).
  assertLinesOfSet(setOfAssessment(ctx, sent.assessmentId, r.indicatorSet), r);
  inTransaction(ctx.db, () =>
    saveResult(ctx.db, {
      resultId: r.resultId,
      revision: r.revision,
      roundId: r.roundId,
      year: r.year,
      assessmentId: sent.assessmentId,
      submissionId: r.submission.submissionId,
      submissionRevision: r.submission.revision,
      packageSha256: got.sha256,
      packageSize: got.size,
      signerSubject: got.verification.signer?.subject ?? '',
      json: JSON.stringify(r),
      importedAt: ctx.now().toISOString(),
    }),
  );
  ctx.logger.info('appraisal result imported', { resultId: r.resultId, revision: r.revision });
  return { resultId: r.resultId, revision: r.revision, year: r.year, superseded: held?.revision ?? null };
};
