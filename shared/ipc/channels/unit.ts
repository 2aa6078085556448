import { z } from 'zod';

import { defineChannel } from '../define';
import { emptyInput, idSchema } from '../../schemas/common';
import { sealWidthMmSchema, signatureImageKindSchema, signatureImagesSchema, unitProfileInputSchema, unitProfileSchema } from '../../schemas/unit';

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
  'unit.getSignatureImages': defineChannel({
    description: 'Ảnh chữ ký của thủ trưởng và ảnh con dấu của đơn vị (cho chữ ký số hiển thị theo Nghị định 30/2020/NĐ-CP)',
    input: emptyInput,
    output: signatureImagesSchema,
  }),
  'unit.setSignatureImage': defineChannel({
    description:
      'Lưu ảnh chữ ký hoặc ảnh con dấu (PNG nền trong suốt, tối đa 1 MiB) từ tệp tải lên hoặc chọn từ máy; ' +
      'ảnh không hợp lệ bị từ chối và không lưu gì. widthMm: độ rộng thật của con dấu',
    input: z.object({ kind: signatureImageKindSchema, uploadId: idSchema.optional(), widthMm: sealWidthMmSchema.optional() }).strict(),
    output: signatureImagesSchema,
  }),
  'unit.setSealWidth': defineChannel({
    description: 'Đổi độ rộng thật (mm) của con dấu đã lưu',
    input: z.object({ widthMm: sealWidthMmSchema }).strict(),
    output: signatureImagesSchema,
  }),
  'unit.removeSignatureImage': defineChannel({
    description: 'Bỏ ảnh chữ ký hoặc ảnh con dấu đã lưu',
    input: z.object({ kind: signatureImageKindSchema }).strict(),
    output: signatureImagesSchema,
  }),
};
