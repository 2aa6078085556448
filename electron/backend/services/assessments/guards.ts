import { AppFailure } from '../../../../shared/ipc/result';
import type { Assessment } from '../../../../shared/schemas/assessment';
import type { IndicatorSet } from '../../../../shared/schemas/indicator-set';
import type { BackendContext } from '../../context';
import type { Db } from '../../db/connection';
import { findAssessment, touchAssessment } from '../../db/repos/assessment-repo';
import { inTransaction } from '../../db/transaction';

/**
 * The one way to reach a stored assessment: every channel that names an assessment goes through
 * `requireAssessment` / `loadAssessment` (one NOT_FOUND, one message), and every change to its answers,
 * survey values and evidence goes through `withEditable` (one lock rule, one transaction, one updated_at).
 */

export const requireAssessment = (db: Db, id: string): Assessment => {
  const a = findAssessment(db, id);
  if (!a) throw AppFailure.of('ASSESSMENT_NOT_FOUND');
  return a;
};

/** The assessment and the indicator set it is scored against. */
export const loadAssessment = (ctx: BackendContext, id: string): { assessment: Assessment; set: IndicatorSet } => {
  const assessment = requireAssessment(ctx.db, id);
  const { document } = ctx.catalog.get(assessment.indicatorSetId);
  return { assessment, set: document };
};

/** A locked assessment (its bundle was produced) is read-only: answers, survey values, evidence alike. */
export const assertAssessmentEditable = (a: Pick<Assessment, 'status'>): void => {
  if (a.status === 'locked') {
    throw AppFailure.of('ASSESSMENT_LOCKED');
  }
};

/**
 * An early check before slow work that leads to a write (a file dialog, copying or parsing a file), so the
 * user is told at once; `withEditable` checks again when the write happens.
 */
export const requireEditable = (db: Db, id: string): Assessment => {
  const a = requireAssessment(db, id);
  assertAssessmentEditable(a);
  return a;
};

/** What a write sees: the assessment as read inside its transaction, and the one timestamp of the write. */
export type EditableWrite = { assessment: Assessment; now: string };

/**
 * Runs one write to an assessment: in a single transaction it re-reads the assessment (NOT_FOUND), refuses
 * a locked one (LOCKED; re-read inside the transaction because the lock may have been taken since any
 * earlier check), runs `write`, and bumps updated_at — unless `changed(result)` says the write changed
 * nothing. A throw anywhere rolls everything back.
 */
export const withEditable = <T>(
  ctx: Pick<BackendContext, 'db' | 'now'>,
  assessmentId: string,
  write: (w: EditableWrite) => T,
  changed: (result: T) => boolean = () => true,
): T => {
  const now = ctx.now().toISOString();
  return inTransaction(ctx.db, () => {
    const assessment = requireAssessment(ctx.db, assessmentId);
    assertAssessmentEditable(assessment);
    const result = write({ assessment, now });
    if (changed(result)) touchAssessment(ctx.db, assessmentId, now);
    return result;
  });
};
