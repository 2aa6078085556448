import { defineChannel } from '../define';
import { emptyInput } from '../../schemas/common';
import { unitProfileInputSchema, unitProfileSchema } from '../../schemas/unit';

export const unitChannels = {
  'unit.get': defineChannel({
    description: 'Hồ sơ đơn vị (null nếu chưa khai báo)',
    input: emptyInput,
    output: unitProfileSchema.nullable(),
  }),
  'unit.save': defineChannel({
    description: 'Lưu hồ sơ đơn vị',
    input: unitProfileInputSchema,
    output: unitProfileSchema,
  }),
};
