import { runPreflight } from '../../../shared/domain/preflight';
import type { PreflightReport } from '../../../shared/domain/preflight';
import { AppFailure } from '../../../shared/ipc/result';
import type { Assessment } from '../../../shared/schemas/assessment';
import type { IndicatorSet } from '../../../shared/schemas/indicator-set';
import type { BackendContext } from '../context';
import type { Db } from '../db/connection';
import { listAnswers } from '../db/repos/answer-repo';
import { findAssessment } from '../db/repos/assessment-repo';
import { verifyEvidence } from '../services/evidence/verify';
import type { HandlerSlice } from './types';

type Channels =
  | 'preflight.run'
  | 'assessments.setDeadline'
  | 'assessments.newRevision'
  | 'assessments.revisions'
  | 'assessments.evidenceCounts';

const requireAssessment = (db: Db, id: string): Assessment => {
  const a = findAssessment(db, id);
  if (!a) throw new AppFailure('NOT_FOUND', 'Không tìm thấy bản tự đánh giá');
  return a;
};

/** Linked evidence documents per node (from the evidence store's link table). */
export const evidenceCountsOf = (db: Db, assessmentId: string): Record<string, number> => {
  const rows = db
    .prepare('SELECT node_id, COUNT(*) AS n FROM evidence_link WHERE assessment_id = ? GROUP BY node_id')
    .all(assessmentId) as { node_id: string; n: number }[];
  const out: Record<string, number> = {};
  for (const r of rows) out[r.node_id] = r.n;
  return out;
};

const today = (ctx: BackendContext): string => {
  // The unit's calendar day (Vietnam, UTC+7), whatever the machine's zone.
  const d = new Date(ctx.now().getTime() + 7 * 3_600_000);
  return d.toISOString().slice(0, 10);
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
    today: today(ctx),
    evidenceProblems: check.problems.map((p) => ({ nodeId: null, nodeCode: null, message: p.message })),
  });
};

export const assessmentFlowHandlers: HandlerSlice<Channels> = {
  'preflight.run': (input, ctx) => preflightAssessment(ctx, input.assessmentId),

  'assessments.setDeadline': (input, ctx) => {
    requireAssessment(ctx.db, input.assessmentId);
    ctx.db
      .prepare('UPDATE assessment SET deadline = ?, updated_at = ? WHERE id = ?')
      .run(input.deadline, ctx.now().toISOString(), input.assessmentId);
    return requireAssessment(ctx.db, input.assessmentId);
  },

  'assessments.newRevision': (input, ctx) => {
    const now = ctx.now().toISOString();
    ctx.db.transaction(() => {
      const a = requireAssessment(ctx.db, input.assessmentId);
      if (a.status !== 'locked') {
        throw new AppFailure('CONFLICT', 'Bản tự đánh giá đang mở để sửa; chỉ tạo lần nộp mới sau khi đã xuất hồ sơ.');
      }
      const next = a.revision + 1;
      ctx.db
        .prepare("UPDATE assessment SET status = 'draft', revision = ?, supersedes_revision = ?, updated_at = ? WHERE id = ?")
        .run(next, a.revision, now, a.id);
      ctx.db
        .prepare('INSERT INTO assessment_revision (assessment_id, revision, supersedes, created_at) VALUES (?, ?, ?, ?)')
        .run(a.id, next, a.revision, now);
    })();
    ctx.logger.info('assessment reopened for a new revision', { assessmentId: input.assessmentId });
    return requireAssessment(ctx.db, input.assessmentId);
  },

  'assessments.revisions': (input, ctx) => {
    const a = requireAssessment(ctx.db, input.assessmentId);
    const rows = ctx.db
      .prepare('SELECT revision, supersedes, created_at FROM assessment_revision WHERE assessment_id = ? ORDER BY revision')
      .all(a.id) as { revision: number; supersedes: number | null; created_at: string }[];
    // Assessments created after the migration have no row for revision 1: it started with the assessment.
    const out = rows.map((r) => ({ revision: r.revision, supersedes: r.supersedes, createdAt: r.created_at }));
    if (!out.some((r) => r.revision === 1)) out.unshift({ revision: 1, supersedes: null, createdAt: a.createdAt });
    return out;
  },

  'assessments.evidenceCounts': (input, ctx) => {
    requireAssessment(ctx.db, input.assessmentId);
    return evidenceCountsOf(ctx.db, input.assessmentId);
  },
};
