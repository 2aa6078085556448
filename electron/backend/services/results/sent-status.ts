import type { ResultSent } from '../../../../shared/ipc/channels/results';
import type { AppraisalResult } from '../../../../shared/schemas/appraisal-result';
import type { BackendContext } from '../../context';
import { activeImportOf } from '../../db/repos/inbox-repo';
import { latestIssuedByYear } from '../../db/repos/issued-result-repo';
import type { IssuedResultRow } from '../../db/repos/issued-result-repo';
import { loadModel } from '../inbox/model';
import { leafFactsOf } from './build-result';
import { appraisalFingerprint, linesOf } from './result-content';

/**
 * Whether what the unit was sent still says what the inbox says now: the same submission revision, the same
 * lines (self, appraised, reason, survey points) and totals (result-content.ts `appraisalFingerprint`).
 * A unit that sent a newer submission, or whose appraisal was edited since, needs its result sent again.
 */
const changedSince = (ctx: BackendContext, issued: IssuedResultRow): boolean => {
  const active = activeImportOf(ctx.db, issued.unitCode, issued.year);
  if (!active || active.id !== issued.importId) return true;
  try {
    const m = loadModel(ctx, active);
    const { criteria, survey } = linesOf(leafFactsOf(m));
    const now = appraisalFingerprint({
      submission: { submissionId: active.submissionId, revision: active.revision, bundleSha256: active.bundleSha256 },
      criteria,
      survey,
      totals: { self: m.self, appraised: m.appraised },
    });
    return now !== appraisalFingerprint(JSON.parse(issued.resultJson) as AppraisalResult);
  } catch (e) {
    ctx.logger.warn('results: cannot compare an issued result', { resultId: issued.resultId, error: e instanceof Error ? e.message : String(e) });
    return true;
  }
};

export const sentOf = (ctx: BackendContext, issued: IssuedResultRow): ResultSent => ({
  importId: issued.importId,
  unitCode: issued.unitCode,
  resultId: issued.resultId,
  revision: issued.revision,
  issuedAt: issued.issuedAt,
  fileName: issued.fileName,
  changedSince: changedSince(ctx, issued),
});

/** The latest result sent to each unit of a year. */
export const sentStatusOf = (ctx: BackendContext, year: number): ResultSent[] => latestIssuedByYear(ctx.db, year).map((r) => sentOf(ctx, r));
