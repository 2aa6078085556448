import { AppFailure } from '../../../../shared/ipc/result';
import type { AppraisalResult } from '../../../../shared/schemas/appraisal-result';
import type { FinalResult } from '../../../../shared/schemas/final-result';
import type { BackendContext } from '../../context';
import { latestFinal, latestResult, saveFinal } from '../../db/repos/reply-result-repo';
import { inTransaction } from '../../db/transaction';
import { checkUnitAndRound, setOfAssessment } from './import-result';
import { assertLinesOfSet } from './result-lines';
import { refused, verifyIncoming } from './verify-incoming';

export type ImportFinalOutcome = { resultId: string; revision: number; year: number; superseded: number | null };

/**
 * Imports the final-result package (docs/package-formats.md §6, unit side): the same verification and unit
 * and round rules as a result, then it must close a result this unit holds (same result id, same round,
 * same unit code, same submission, same indicator set), and its lines must be criteria of that set
 * (result-lines.ts); replay and supersession as for results. Kept read-only.
 */
export const importFinal = async (ctx: BackendContext, data: Buffer, o: { signal?: AbortSignal } = {}): Promise<ImportFinalOutcome> => {
  const got = await verifyIncoming(ctx, data, 'final-result', o);
  const f: FinalResult = got.content;
  checkUnitAndRound(ctx, f);
  const result = latestResult(ctx.db, f.resultId);
  if (!result) throw AppFailure.of('REPLY_FINAL_NO_RESULT');
  const r = JSON.parse(result.json) as AppraisalResult;
  if (r.roundId !== f.roundId) throw AppFailure.of('REPLY_FINAL_MISMATCH', { field: 'roundId' });
  if (r.unit.code.toLowerCase() !== f.unit.code.toLowerCase()) throw AppFailure.of('REPLY_FINAL_MISMATCH', { field: 'unit.code' });
  if (r.submission.submissionId !== f.submission.submissionId) throw AppFailure.of('REPLY_FINAL_MISMATCH', { field: 'submission' });
  if (r.indicatorSet.sha256 !== f.indicatorSet.sha256) throw AppFailure.of('REPLY_FINAL_MISMATCH', { field: 'indicatorSet' });
  assertLinesOfSet(setOfAssessment(ctx, result.assessmentId, f.indicatorSet), f);
  const held = latestFinal(ctx.db, f.resultId);
  if (held && held.revision >= f.revision) throw refused('E_REPLAY', `final ${f.resultId} revision ${f.revision}`);
  inTransaction(ctx.db, () =>
    saveFinal(ctx.db, {
      resultId: f.resultId,
      revision: f.revision,
      roundId: f.roundId,
      year: f.year,
      packageSha256: got.sha256,
      packageSize: got.size,
      signerSubject: got.verification.signer?.subject ?? '',
      json: JSON.stringify(f),
      importedAt: ctx.now().toISOString(),
    }),
  );
  ctx.logger.info('final result imported', { resultId: f.resultId, revision: f.revision });
  return { resultId: f.resultId, revision: f.revision, year: f.year, superseded: held?.revision ?? null };
};
