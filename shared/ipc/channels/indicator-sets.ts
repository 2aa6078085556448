import { z } from 'zod';

import { defineChannel } from '../define';
import { emptyInput, idSchema } from '../../schemas/common';
import { indicatorSetBaseSchema } from '../../schemas/indicator-set';
import { indicatorSetSummarySchema } from '../../schemas/indicator-set-summary';
import { jobSchema } from '../../schemas/job';
import { singleFileSourceSchema } from './survey';

/**
 * Indicator sets as data, managed in the app: import a set Sở Nội vụ sends (.json or the Excel template),
 * list every version (shipped and imported), export one (job). Carrying last year's answers forward is an
 * assessment operation (`assessments.carryForward` in channels/assessments.ts).
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

const setVersion = z.string().min(1).max(40);

export const indicatorSetsChannels = {
  'indicatorSets.list': defineChannel({
    description: 'Các bộ chỉ số có sẵn trong ứng dụng',
    input: emptyInput,
    output: z.array(indicatorSetSummarySchema),
  }),
  'indicatorSets.get': defineChannel({
    description: 'Toàn bộ một bộ chỉ số (cây tiêu chí, phương pháp chấm)',
    input: z.object({ id: idSchema }).strict(),
    output: indicatorSetBaseSchema,
  }),
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
};
