import { defineChannel } from '../define';
import { emptyInput } from '../../schemas/common';
import { settingsPatchSchema, settingsSchema } from '../../schemas/settings';

export const settingsChannels = {
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
};
