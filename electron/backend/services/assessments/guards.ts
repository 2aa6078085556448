import { AppFailure } from '../../../../shared/ipc/result';
import type { Assessment } from '../../../../shared/schemas/assessment';
import type { IndicatorSet } from '../../../../shared/schemas/indicator-set';
import type { BackendContext } from '../../context';
import type { Db } from '../../db/connection';
import { findAssessment } from '../../db/repos/assessment-repo';

export const requireAssessment = (db: Db, id: string): Assessment => {
  const a = findAssessment(db, id);
  if (!a) throw new AppFailure('NOT_FOUND', 'Không tìm thấy bản tự đánh giá');
  return a;
};

/** The assessment and the indicator set it is scored against (answers and scoring channels). */
export const loadAssessment = (ctx: BackendContext, id: string): { assessment: Assessment; set: IndicatorSet } => {
  const assessment = requireAssessment(ctx.db, id);
  const { document } = ctx.catalog.get(assessment.indicatorSetId);
  return { assessment, set: document };
};

/** Every write to an assessment goes through this: a locked assessment (bundle produced) is read-only. */
export const assertAssessmentEditable = (a: Pick<Assessment, 'status'> | null | undefined): void => {
  if (a?.status === 'locked') {
    throw new AppFailure('LOCKED', 'Bản tự đánh giá đã khóa (đã lập hồ sơ gửi). Hãy tạo bản sửa đổi để chỉnh sửa.');
  }
};
