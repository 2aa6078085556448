import { z } from 'zod';

import { defineChannel } from '../define';
import { idSchema } from '../../schemas/common';
import { indicatorSetSummarySchema } from '../../schemas/indicator-set-summary';
import { jobSchema } from '../../schemas/job';
import { singleFileSourceSchema } from './survey';

/**
 * Indicator sets as data, managed in the app: import a set Sở Nội vụ sends (.json or the Excel template),
 * list every version (shipped and imported), export one (job), and carry last year's answers forward.
 */

export const setListEntrySchema = indicatorSetSummarySchema.extend({
  origin: z.enum(['shipped', 'user']),
  /** This version is the one the id resolves to (the highest version of that id). */
  active: z.boolean(),
  sourceDecision: z.object({ number: z.string(), date: z.string().nullable(), issuer: z.string() }),
  previousSetId: z.string().nullable(),
  sampleNotice: z.string(),
  /** Number of leaves (sub-criteria). */
  leafCount: z.number().int(),
});
export type SetListEntry = z.infer<typeof setListEntrySchema>;

/** One problem of an imported set: JSON errors name the node and field, Excel errors the sheet/row/column. */
export const setImportErrorSchema = z.object({
  message: z.string(),
  nodeCode: z.string().nullable(),
  field: z.string().nullable(),
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
});
export type SetImportError = z.infer<typeof setImportErrorSchema>;

export const setImportResultSchema = z.object({
  imported: z.boolean(),
  fileName: z.string(),
  set: setListEntrySchema.nullable(),
  /** The same id + version was already imported with the same content (nothing changed). */
  unchanged: z.boolean(),
  errors: z.array(setImportErrorSchema),
});
export type SetImportResult = z.infer<typeof setImportResultSchema>;

export const setExportResultSchema = z.object({
  format: z.enum(['json', 'xlsx']),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  downloadId: z.string().optional(),
});
export type SetExportResult = z.infer<typeof setExportResultSchema>;

export const carryForwardReportSchema = z.object({
  dryRun: z.boolean(),
  fromSetId: z.string(),
  toSetId: z.string(),
  /** One row per mapped leaf of this year's set. */
  nodes: z.array(
    z.object({
      fromNodeId: z.string(),
      toNodeId: z.string(),
      code: z.string(),
      outcome: z.enum(['carried', 'no-answer', 'already-answered', 'survey']),
      /** Declared figures carried (same method); otherwise only explanation / N/A reason. */
      inputsCarried: z.boolean(),
      evidenceLinked: z.number().int(),
    }),
  ),
  answersCarried: z.number().int(),
  evidenceLinks: z.number().int(),
  documentsCopied: z.number().int(),
  /** This year's node ids whose `continuesFrom` names a node last year's set does not have. */
  unknownSources: z.array(z.string()),
});
export type CarryForwardReport = z.infer<typeof carryForwardReportSchema>;

const setVersion = z.string().min(1).max(40);

export const indicatorSetAdminChannels = {
  'indicatorSets.listAll': defineChannel({
    description: 'Mọi bộ chỉ số (có sẵn và đã nhập, mọi phiên bản) với quyết định ban hành và mã SHA-256',
    input: z.object({}).strict(),
    output: z.array(setListEntrySchema),
  }),
  'indicatorSets.import': defineChannel({
    description: 'Nhập bộ chỉ số từ tệp .json hoặc mẫu Excel (.xlsx): kiểm tra, lưu vào thư mục dữ liệu; trả về lỗi theo tiêu chí/dòng/cột',
    input: z.object({ source: singleFileSourceSchema }).strict(),
    output: setImportResultSchema,
  }),
  'indicatorSets.export': defineChannel({
    description: 'Xuất bộ chỉ số ra tệp JSON hoặc mẫu Excel: hỏi nơi lưu rồi ghi tệp; trả về một công việc',
    input: z
      .object({ id: idSchema, version: setVersion.nullable().default(null), format: z.enum(['json', 'xlsx']) })
      .strict(),
    output: jobSchema,
  }),
  'assessments.carryForward': defineChannel({
    description: 'Chuyển câu trả lời, giải trình và tài liệu kiểm chứng của năm trước sang bản tự đánh giá mới theo ánh xạ tiêu chí',
    input: z
      .object({ fromAssessmentId: idSchema, toAssessmentId: idSchema, dryRun: z.boolean().default(false) })
      .strict(),
    output: carryForwardReportSchema,
  }),
};
