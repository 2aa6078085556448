import { AppFailure } from '../../../../shared/ipc/result';
import type { Assessment } from '../../../../shared/schemas/assessment';
import type { BackendContext } from '../../context';
import { listRevisions, reopenAsRevision } from '../../db/repos/assessment-repo';
import type { RevisionRow } from '../../db/repos/assessment-repo';
import { inTransaction } from '../../db/transaction';
import { requireAssessment } from './guards';

/**
 * Reopens a locked assessment (its bundle was produced) as the draft of the next revision: the bundle
 * already sent stays as it was, and the next bundle says which revision it supersedes.
 */
export const openNewRevision = (ctx: BackendContext, assessmentId: string): Assessment => {
  const now = ctx.now().toISOString();
  inTransaction(ctx.db, () => {
    const a = requireAssessment(ctx.db, assessmentId);
    if (a.status !== 'locked') {
      throw AppFailure.of('REVISION_STILL_OPEN');
    }
    reopenAsRevision(ctx.db, a.id, a.revision + 1, a.revision, now);
  });
  ctx.logger.info('assessment reopened for a new revision', { assessmentId });
  return requireAssessment(ctx.db, assessmentId);
};

/** Every revision, oldest first. */
export const revisionHistory = (ctx: BackendContext, assessmentId: string): RevisionRow[] => {
  const a = requireAssessment(ctx.db, assessmentId);
  const out = listRevisions(ctx.db, a.id);
  // Assessments created after migration 0060 have no row for revision 1: it started with the assessment.
  if (!out.some((r) => r.revision === 1)) out.unshift({ revision: 1, supersedes: null, createdAt: a.createdAt });
  return out;
};
