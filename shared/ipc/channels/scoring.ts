import { z } from 'zod';

import { defineChannel } from '../define';
import { assessmentScoreSchema } from '../../domain/scoring/schema';
import { idSchema } from '../../schemas/common';

export const scoringChannels = {
  'scoring.compute': defineChannel({
    description: 'Tính toàn bộ điểm của một bản tự đánh giá',
    input: z.object({ assessmentId: idSchema }).strict(),
    output: assessmentScoreSchema,
  }),
};
