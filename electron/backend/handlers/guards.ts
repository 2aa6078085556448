import { AppFailure } from '../../../shared/ipc/result';
import type { Assessment } from '../../../shared/schemas/assessment';

/** Every write to an assessment goes through this: a locked assessment (bundle produced) is read-only. */
export const assertAssessmentEditable = (a: Pick<Assessment, 'status'> | null | undefined): void => {
  if (a?.status === 'locked') {
    throw new AppFailure('LOCKED', 'Bản tự đánh giá đã khóa (đã lập hồ sơ gửi). Hãy tạo bản sửa đổi để chỉnh sửa.');
  }
};
