import { z } from 'zod';

import { defineChannel } from '../define';
import { emptyInput, idSchema } from '../../schemas/common';
import { jobSchema } from '../../schemas/job';
import { settingsPatchSchema, settingsSchema } from '../../schemas/settings';

export const appChannels = {
  'app.info': defineChannel({
    description: 'Phiên bản ứng dụng, loại máy chủ (electron/web), thư mục dữ liệu hiển thị',
    input: emptyInput,
    output: z.object({
      version: z.string(),
      host: z.enum(['electron', 'web', 'cli']),
      dataDirLabel: z.string(),
      today: z.string(),
    }),
  }),
  'settings.get': defineChannel({
    description: 'Đọc tùy chọn (ngôn ngữ, đánh giá gần nhất)',
    input: emptyInput,
    output: settingsSchema,
  }),
  'settings.update': defineChannel({
    description: 'Cập nhật tùy chọn',
    input: settingsPatchSchema,
    output: settingsSchema,
  }),
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
