import { randomUUID } from 'node:crypto';

import { AppFailure } from '../../../shared/ipc/result';
import type { Assessment } from '../../../shared/schemas/assessment';
import { findAssessment, insertAssessment, listAssessments } from '../db/repos/assessment-repo';
import { getUnitProfile } from '../db/repos/unit-repo';
import { applyCarryForward } from '../services/assessments/carry-forward-apply';
import { requireAssessment } from '../services/assessments/guards';
import { evidenceCountsOf, preflightAssessment } from '../services/assessments/preflight';
import type { HandlerSlice } from './types';

type Channels =
  | 'assessments.list'
  | 'assessments.get'
  | 'assessments.create'
  | 'assessments.preflight'
  | 'assessments.setDeadline'
  | 'assessments.newRevision'
  | 'assessments.revisions'
  | 'assessments.evidenceCounts'
  | 'assessments.carryForward';

export const assessmentsHandlers: HandlerSlice<Channels> = {
  'assessments.list': (_input, ctx) => listAssessments(ctx.db),
  'assessments.get': (input, ctx) => {
    const a = findAssessment(ctx.db, input.assessmentId);
    if (!a) throw new AppFailure('NOT_FOUND', 'Không tìm thấy bản tự đánh giá');
    return a;
  },
  'assessments.create': (input, ctx) => {
    const unit = getUnitProfile(ctx.db);
    if (!unit) throw new AppFailure('PREFLIGHT_FAILED', 'Hãy khai báo hồ sơ đơn vị trước khi tạo bản tự đánh giá.');
    const { summary } = ctx.catalog.get(input.indicatorSetId);
    if (!summary.unitTypes.includes(unit.type)) {
      throw new AppFailure('VALIDATION', 'Bộ chỉ số này không áp dụng cho loại đơn vị của bạn.');
    }
    const now = ctx.now().toISOString();
    const assessment: Assessment = {
      id: randomUUID(),
      year: input.year,
      indicatorSetId: summary.id,
      indicatorSetVersion: summary.version,
      indicatorSetName: summary.name,
      indicatorSetSha256: summary.sha256,
      revision: 1,
      supersedesRevision: null,
      status: 'draft',
      deadline: input.deadline ?? null,
      createdAt: now,
      updatedAt: now,
    };
    return insertAssessment(ctx.db, assessment);
  },

  'assessments.preflight': (input, ctx) => preflightAssessment(ctx, input.assessmentId),

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

  'assessments.carryForward': (input, ctx) =>
    applyCarryForward(ctx, input.fromAssessmentId, input.toAssessmentId, input.dryRun),
};
