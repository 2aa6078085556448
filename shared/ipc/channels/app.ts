import { z } from 'zod';

import { defineChannel } from '../define';
import { emptyInput } from '../../schemas/common';

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
};
