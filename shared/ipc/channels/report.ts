import { z } from 'zod';

import { defineChannel } from '../define';
import { idSchema } from '../../schemas/common';
import { jobSchema } from '../../schemas/job';
import { reportDocumentSchema, storedReportDocumentSchema } from '../../schemas/document-fields';
import { reportNarrativeSchema, storedNarrativeSchema } from '../../schemas/report-narrative';

/** What a finished export job carries in `result`: never a path (the renderer gets a name and a download id). */
export const exportResultSchema = z.object({
  format: z.enum(['xlsx', 'pdf']),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  /** Web host: fetch the file by this id (served-files); absent in Electron (the file is already saved). */
  downloadId: z.string().optional(),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

const byAssessment = z.object({ assessmentId: idSchema }).strict();

export const reportChannels = {
  'report.getNarrative': defineChannel({
    description: 'Nội dung báo cáo do đơn vị soạn (căn cứ, ưu điểm, hạn chế, nguyên nhân, kiến nghị)',
    input: byAssessment,
    output: storedNarrativeSchema,
  }),
  'report.saveNarrative': defineChannel({
    description: 'Lưu nội dung báo cáo',
    input: z.object({ assessmentId: idSchema, narrative: reportNarrativeSchema }).strict(),
    output: storedNarrativeSchema,
  }),
  'report.getDocument': defineChannel({
    description: 'Thông tin văn bản của báo cáo (số, ngày, nơi nhận, người ký) và mặc định của đơn vị',
    input: byAssessment,
    output: storedReportDocumentSchema,
  }),
  'report.saveDocument': defineChannel({
    description: 'Lưu thông tin văn bản của báo cáo (null = theo mặc định của đơn vị)',
    input: z.object({ assessmentId: idSchema, document: reportDocumentSchema }).strict(),
    output: storedReportDocumentSchema,
  }),
  'report.xlsx': defineChannel({
    description: 'Xuất bảng tự đánh giá (Excel): hỏi nơi lưu rồi ghi tệp; trả về một công việc để theo dõi',
    input: byAssessment,
    output: jobSchema,
  }),
  'report.pdf': defineChannel({
    description:
      'Xuất báo cáo tự đánh giá (PDF): hỏi nơi lưu rồi ghi tệp; trả về một công việc để theo dõi. Bản chính thức cần đủ ' +
      'số, ngày, nơi nhận, người ký và nội dung; bản dự thảo (draft) thì không',
    input: z.object({ assessmentId: idSchema, draft: z.boolean().optional() }).strict(),
    output: jobSchema,
  }),
  'report.signedPdf': defineChannel({
    description:
      'Xuất báo cáo PDF có ký số (PAdES, chữ ký hiển thị theo Nghị định 30/2020/NĐ-CP) bằng khóa đã chọn và xác nhận ở ' +
      'signing.chooseKey; chỉ bản chính thức; hỏi nơi lưu rồi ghi tệp; trả về một công việc để theo dõi',
    input: z
      .object({ assessmentId: idSchema, keyId: idSchema, password: z.string().max(256).optional(), pin: z.string().max(64).optional() })
      .strict(),
    output: jobSchema,
  }),
  'report.showInFolder': defineChannel({
    description: 'Mở thư mục chứa tệp vừa xuất',
    input: z.object({ jobId: idSchema }).strict(),
    output: z.object({ shown: z.boolean() }),
  }),
};
