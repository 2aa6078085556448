import { z } from 'zod';

import { defineChannel } from '../define';
import { assessmentSchema, createAssessmentInputSchema } from '../../schemas/assessment';
import { emptyInput, idSchema } from '../../schemas/common';
import { indicatorSetSummarySchema } from '../../schemas/indicator-set-summary';

export const assessmentChannels = {
  'indicatorSets.list': defineChannel({
    description: 'Các bộ chỉ số có sẵn trong ứng dụng',
    input: emptyInput,
    output: z.array(indicatorSetSummarySchema),
  }),
  'assessments.list': defineChannel({
    description: 'Các bản tự đánh giá của đơn vị, mới nhất trước',
    input: emptyInput,
    output: z.array(assessmentSchema),
  }),
  'assessments.get': defineChannel({
    description: 'Một bản tự đánh giá',
    input: z.object({ assessmentId: idSchema }).strict(),
    output: assessmentSchema,
  }),
  'assessments.create': defineChannel({
    description: 'Tạo bản tự đánh giá cho một năm với một bộ chỉ số',
    input: createAssessmentInputSchema,
    output: assessmentSchema,
  }),
};
