import { runPreflight } from '../../../../shared/domain/preflight';
import type { PreflightReport } from '../../../../shared/domain/preflight';
import type { IndicatorSet } from '../../../../shared/schemas/indicator-set';
import type { BackendContext } from '../../context';
import type { Db } from '../../db/connection';
import { listAnswers } from '../../db/repos/answer-repo';
import { verifyEvidence } from '../evidence/verify';
import { requireAssessment } from './guards';
import { unitDay } from './unit-day';

/** Linked evidence documents per node (from the evidence store's link table). */
export const evidenceCountsOf = (db: Db, assessmentId: string): Record<string, number> => {
  const rows = db
    .prepare('SELECT node_id, COUNT(*) AS n FROM evidence_link WHERE assessment_id = ? GROUP BY node_id')
    .all(assessmentId) as { node_id: string; n: number }[];
  const out: Record<string, number> = {};
  for (const r of rows) out[r.node_id] = r.n;
  return out;
};

/**
 * The full preflight of a stored assessment. The bundle export calls this right before packing and refuses
 * with PREFLIGHT_FAILED (preflightFailureMessage) unless `ok`. `rehash` re-reads every evidence file
 * (slow on large stores; the UI's check only looks for missing or resized files).
 */
export const preflightAssessment = async (
  ctx: BackendContext,
  assessmentId: string,
  opts: { rehash?: boolean; ignoreLock?: boolean } = {},
): Promise<PreflightReport> => {
  const assessment = requireAssessment(ctx.db, assessmentId);
  const set = ctx.catalog.get(assessment.indicatorSetId).document as IndicatorSet;
  const answers = listAnswers(ctx.db, assessmentId);
  const check = await verifyEvidence(ctx.db, ctx.dataDir, assessmentId, { rehash: opts.rehash ?? false });
  return runPreflight({
    set,
    answers,
    evidenceCounts: evidenceCountsOf(ctx.db, assessmentId),
    assessment: { status: opts.ignoreLock ? 'draft' : assessment.status, deadline: assessment.deadline },
    today: unitDay(ctx.now()),
    evidenceProblems: check.problems.map((p) => ({ nodeId: null, nodeCode: null, message: p.message })),
  });
};

