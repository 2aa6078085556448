import { z } from 'zod';

import { defineChannel } from '../define';
import { idSchema } from '../../schemas/common';
import { jobSchema } from '../../schemas/job';

export const jobsChannels = {
  'jobs.get': defineChannel({
    description: 'Tiến độ một công việc dài',
    input: z.object({ jobId: idSchema }).strict(),
    output: jobSchema,
  }),
  'jobs.cancel': defineChannel({
    description: 'Hủy một công việc dài',
    input: z.object({ jobId: idSchema }).strict(),
    output: jobSchema,
  }),
};
