import { randomUUID } from 'node:crypto';

import { AppFailure } from '../../../shared/ipc/result';
import type { Assessment } from '../../../shared/schemas/assessment';
import { findAssessment, insertAssessment, listAssessments } from '../db/repos/assessment-repo';
import { getUnitProfile } from '../db/repos/unit-repo';
import type { HandlerSlice } from './types';

type Channels = 'indicatorSets.list' | 'assessments.list' | 'assessments.get' | 'assessments.create';

export const assessmentHandlers: HandlerSlice<Channels> = {
  'indicatorSets.list': (_input, ctx) => ctx.catalog.list(),
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
};
