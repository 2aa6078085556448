import { z } from 'zod';

import { defineChannel } from '../define';
import { idSchema } from '../../schemas/common';
import {
  attachSourceSchema,
  evidenceCheckSchema,
  evidenceDocumentSchema,
  evidenceFileKindSchema,
  evidenceMetaSchema,
  LINK_MANY_MAX,
} from '../../schemas/evidence';
import { jobSchema } from '../../schemas/job';

/** Same shape as the indicator set's node id (kept local so this contract does not depend on the set schema). */
const nodeRef = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9._-]+$/, { message: 'Mã tiêu chí không hợp lệ' });

const docRef = z.object({ documentId: idSchema }).strict();

export const evidenceChannels = {
  'evidence.attach': defineChannel({
    description: 'Đính kèm tệp (hộp thoại chọn tệp hoặc tệp đã tải lên/kéo thả) vào thư viện và, nếu có, vào một tiêu chí',
    input: z
      .object({ assessmentId: idSchema, nodeId: nodeRef.nullable(), source: attachSourceSchema })
      .strict(),
    output: jobSchema,
  }),
  'evidence.list': defineChannel({
    description: 'Thư viện tài liệu kiểm chứng của bản tự đánh giá, kèm nơi sử dụng',
    input: z.object({ assessmentId: idSchema }).strict(),
    output: z.array(evidenceDocumentSchema),
  }),
  'evidence.forNode': defineChannel({
    description: 'Tài liệu kiểm chứng gắn với một tiêu chí',
    input: z.object({ assessmentId: idSchema, nodeId: nodeRef }).strict(),
    output: z.array(evidenceDocumentSchema),
  }),
  'evidence.link': defineChannel({
    description: 'Gắn một tài liệu có sẵn trong thư viện vào một tiêu chí',
    input: z.object({ documentId: idSchema, nodeId: nodeRef }).strict(),
    output: evidenceDocumentSchema,
  }),
  'evidence.linkMany': defineChannel({
    description:
      'Gắn một tài liệu có sẵn (cùng một tệp trong kho, không sao chép) vào nhiều tiêu chí cùng lúc, trong một giao dịch',
    input: z
      .object({ documentId: idSchema, nodeIds: z.array(nodeRef).min(1).max(LINK_MANY_MAX) })
      .strict(),
    output: z.object({
      document: evidenceDocumentSchema,
      /** Links made now. */
      linked: z.number().int().min(0),
      /** Chosen nodes the document was already linked to (left as they were). */
      alreadyLinked: z.number().int().min(0),
    }),
  }),
  'evidence.unlink': defineChannel({
    description: 'Gỡ tài liệu khỏi một tiêu chí (tài liệu vẫn ở trong thư viện)',
    input: z.object({ documentId: idSchema, nodeId: nodeRef }).strict(),
    output: evidenceDocumentSchema,
  }),
  'evidence.remove': defineChannel({
    description: 'Xóa tài liệu khỏi thư viện (gỡ khỏi mọi tiêu chí); tệp bị xóa khi không còn nơi nào dùng',
    input: docRef,
    output: z.object({ removed: z.boolean(), fileDeleted: z.boolean() }),
  }),
  'evidence.updateMeta': defineChannel({
    description: 'Sửa thông tin văn bản: loại, số/ký hiệu, ngày ban hành, trích yếu, cơ quan ban hành, ghi chú',
    input: z.object({ documentId: idSchema, meta: evidenceMetaSchema }).strict(),
    output: evidenceDocumentSchema,
  }),
  'evidence.preview': defineChannel({
    description: 'Xem trước PDF/ảnh trong ứng dụng (mã tệp tạm, không có đường dẫn)',
    input: docRef,
    output: z.object({ fileId: z.string(), mimeType: z.string(), fileName: z.string(), fileKind: evidenceFileKindSchema }),
  }),
  'evidence.openExternal': defineChannel({
    description: 'Mở tài liệu bằng chương trình mặc định của máy (bản sao chỉ đọc); trên trình duyệt: tải xuống',
    input: docRef,
    output: z.object({ opened: z.boolean(), downloadId: z.string().nullable(), fileName: z.string() }),
  }),
  'evidence.check': defineChannel({
    description: 'Kiểm tra mọi tệp kiểm chứng còn nguyên vẹn (không mất, không bị sửa) trong kho',
    input: z.object({ assessmentId: idSchema }).strict(),
    output: evidenceCheckSchema,
  }),
};
