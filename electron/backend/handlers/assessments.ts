import { AppFailure } from '../../../shared/ipc/result';
import { listAssessments, setAssessmentDeadline } from '../db/repos/assessment-repo';
import { evidenceCountsOf } from '../db/repos/evidence-repo';
import { assessmentRoundId } from '../db/repos/received-round-repo';
import { applyCarryForward } from '../services/assessments/carry-forward-apply';
import { createAssessment } from '../services/assessments/create';
import { requireAssessment } from '../services/assessments/guards';
import { preflightAssessment } from '../services/assessments/preflight';
import { openNewRevision, revisionHistory } from '../services/assessments/revisions';
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

  'assessments.get': (input, ctx) => requireAssessment(ctx.db, input.assessmentId),

  'assessments.create': (input, ctx) => createAssessment(ctx, input),

  'assessments.preflight': (input, ctx) => preflightAssessment(ctx, input.assessmentId),

  // The deadline is planning data, not the assessment's content: it may be changed after the lock too.
  'assessments.setDeadline': (input, ctx) => {
    const a = requireAssessment(ctx.db, input.assessmentId);
    // Bound to Sở Nội vụ's round (services/round/import-round.ts): the round's deadline, not the unit's.
    if (assessmentRoundId(ctx.db, a.id) && a.deadline) throw AppFailure.of('ROUND_DEADLINE_FIXED', { day: a.deadline });
    setAssessmentDeadline(ctx.db, input.assessmentId, input.deadline, ctx.now().toISOString());
    return requireAssessment(ctx.db, input.assessmentId);
  },

  'assessments.newRevision': (input, ctx) => openNewRevision(ctx, input.assessmentId),

  'assessments.revisions': (input, ctx) => revisionHistory(ctx, input.assessmentId),

  'assessments.evidenceCounts': (input, ctx) => {
    requireAssessment(ctx.db, input.assessmentId);
    return evidenceCountsOf(ctx.db, input.assessmentId);
  },

  'assessments.carryForward': (input, ctx) =>
    applyCarryForward(ctx, input.fromAssessmentId, input.toAssessmentId, input.dryRun),
};
