import { runPreflight } from '../../../../shared/domain/preflight';
import type { PreflightReport } from '../../../../shared/domain/preflight';
import type { BackendContext } from '../../context';
import { listAnswers } from '../../db/repos/answer-repo';
import { evidenceCountsOf, listDocumentRows } from '../../db/repos/evidence-repo';
import { verifyEvidence } from '../evidence/verify';
import { loadAssessment } from './guards';
import { unitDay } from './unit-day';

/**
 * The full preflight of a stored assessment. The bundle export calls this right before packing and refuses
 * with PREFLIGHT_BLOCKED (preflightFailureParams) unless `ok`. `rehash` re-reads every evidence file
 * (slow on large stores; the UI's check only looks for missing or resized files).
 */
export const preflightAssessment = async (
  ctx: BackendContext,
  assessmentId: string,
  opts: { rehash?: boolean; ignoreLock?: boolean } = {},
): Promise<PreflightReport> => {
  const { assessment, set } = loadAssessment(ctx, assessmentId);
  const answers = listAnswers(ctx.db, assessmentId);
  const check = await verifyEvidence(ctx.db, ctx.dataDir, assessmentId, { rehash: opts.rehash ?? false });
  return runPreflight({
    set,
    answers,
    evidenceCounts: evidenceCountsOf(ctx.db, assessmentId),
    assessment: { status: opts.ignoreLock ? 'draft' : assessment.status, deadline: assessment.deadline },
    today: unitDay(ctx.now()),
    evidenceProblems: check.problems.map((p) => ({ nodeId: null, nodeCode: null, message: p.message, name: p.originalName, problem: p.problem })),
    undescribedEvidence: listDocumentRows(ctx.db, assessmentId)
      .filter((d) => !d.meta.docNumber.trim() && !d.meta.issuedOn && !d.meta.summary.trim())
      .map((d) => ({ name: d.originalName })),
  });
};

