import { z } from 'zod';

import { defineChannel } from '../define';
import { toMilli } from '../../domain/points';
import { nodeScoreSchema, scoreTotalsSchema } from '../../domain/scoring/schema';
import { idSchema, userText } from '../../schemas/common';
import { nodeIdSchema } from '../../schemas/indicator-set';

/**
 * Survey (XHH) results: nodes the unit does not score itself (kind SURVEY). Sở Nội vụ sends the results;
 * they are typed in or imported from its sheet (columns Mã, Kết quả) and stored as the node's answer, so
 * `scoring.compute`, `answers.save` totals, reports and bundles include them.
 * `value` means what the node's method reads: a percent 0–100 for SURVEY nodes (score = % × max), the other
 * index's value on its scale for EXTERNAL survey nodes (SIPAS % → value ÷ scaleMax × max).
 */

const surveyValue = z
  .number()
  .min(0)
  .max(1_000_000)
  .refine((v) => toMilli(v) !== null, { message: 'Tối đa 3 chữ số thập phân' });

export const surveyNodeSchema = z.object({
  nodeId: z.string(),
  code: z.string(),
  title: z.string(),
  /** Điểm tối đa, milli-points. */
  max: z.number().int(),
  method: z.enum(['SURVEY', 'EXTERNAL']),
  /** Where the result comes from (method source, e.g. "Chỉ số SIPAS (%)"). */
  source: z.string(),
  /** What `value` is: a percent, or a value on a scale up to `scaleMax`. */
  valueUnit: z.enum(['percent', 'scale']),
  scaleMax: z.number(),
  value: z.number().nullable(),
  score: nodeScoreSchema,
  sourceNote: z.string(),
  origin: z.enum(['manual', 'import']).nullable(),
  fileName: z.string(),
  updatedAt: z.string().nullable(),
});
export type SurveyNode = z.infer<typeof surveyNodeSchema>;

/** One file: the native dialog (Electron) or one uploaded file (web host, drag and drop). */
export const singleFileSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dialog') }).strict(),
  z.object({ kind: z.literal('upload'), uploadId: idSchema }).strict(),
]);
export type SingleFileSource = z.infer<typeof singleFileSourceSchema>;

export const surveyImportReportSchema = z.object({
  fileName: z.string(),
  /** Column letters where the headers were found. */
  columns: z.object({ code: z.string(), value: z.string(), note: z.string().nullable() }),
  applied: z.array(
    z.object({ row: z.number().int(), nodeId: z.string(), code: z.string(), value: z.number(), previous: z.number().nullable() }),
  ),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  totals: scoreTotalsSchema,
});
export type SurveyImportReport = z.infer<typeof surveyImportReportSchema>;

export const surveyChannels = {
  'survey.list': defineChannel({
    description: 'Các tiêu chí điều tra xã hội học của bản tự đánh giá, với kết quả đã nhập và nguồn',
    input: z.object({ assessmentId: idSchema }).strict(),
    output: z.array(surveyNodeSchema),
  }),
  'survey.save': defineChannel({
    description: 'Nhập (hoặc xóa, value = null) kết quả điều tra xã hội học của một tiêu chí, kèm ghi chú nguồn',
    input: z
      .object({
        assessmentId: idSchema,
        nodeId: nodeIdSchema,
        value: surveyValue.nullable(),
        sourceNote: userText(500).default(''),
      })
      .strict(),
    output: z.object({ node: surveyNodeSchema, totals: scoreTotalsSchema }),
  }),
  'survey.import': defineChannel({
    description: 'Nhập kết quả điều tra xã hội học từ bảng Excel/CSV của Sở Nội vụ (cột Mã, Kết quả); báo cáo dòng đã nhập và dòng lỗi',
    input: z
      .object({ assessmentId: idSchema, source: singleFileSourceSchema, sourceNote: userText(500).default('') })
      .strict(),
    output: surveyImportReportSchema,
  }),
};
