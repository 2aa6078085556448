import { z } from 'zod';

import { defineChannel } from '../define';
import { appErrorSchema } from '../result';
import { idSchema, yearSchema } from '../../schemas/common';
import { appraisalResultSchema } from '../../schemas/appraisal-result';
import { jobSchema } from '../../schemas/job';
import { UNIT_TYPES } from '../../schemas/unit';
import { secret } from './signing';

/**
 * Sở Nội vụ's appraisal results (docs/package-formats.md §4): the signed package that tells one unit its
 * appraised scores, the reason of every change, its provisional rank and the giải trình window; built from
 * the inbox (services/inbox) and recorded in issued_result each time one is written.
 */

/** Whether a unit's result was sent and whether the appraisal changed since (then it needs re-sending). */
export const resultSentSchema = z.object({
  importId: z.string(),
  unitCode: z.string(),
  resultId: z.string(),
  revision: z.number().int(),
  issuedAt: z.string(),
  fileName: z.string(),
  /** The issued package answered another submission revision, or a line or total changed since. */
  changedSince: z.boolean(),
});
export type ResultSent = z.infer<typeof resultSentSchema>;

export const resultsExportOutcomeSchema = z.object({
  issued: z.array(
    z.object({
      importId: z.string(),
      unitCode: z.string(),
      unitName: z.string(),
      revision: z.number().int(),
      fileName: z.string(),
      sizeBytes: z.number().int(),
      sha256: z.string(),
      downloadId: z.string().optional(),
    }),
  ),
  /** Units whose package was not written, each with its reason; the others were. */
  failures: z.array(z.object({ importId: z.string(), unitCode: z.string(), unitName: z.string(), error: appErrorSchema })),
});
export type ResultsExportOutcome = z.infer<typeof resultsExportOutcomeSchema>;

const scope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unit'), importId: idSchema }).strict(),
  z.object({ kind: z.literal('block'), year: yearSchema, block: z.enum(UNIT_TYPES) }).strict(),
]);

export const resultsChannels = {
  'results.build': defineChannel({
    description: 'Xem trước nội dung kết quả thẩm định của một hồ sơ (điểm tự chấm, điểm thẩm định, lý do, tổng điểm, xếp hạng tạm thời, thời hạn giải trình) và lần gửi kế tiếp',
    input: z.object({ importId: idSchema }).strict(),
    output: z.object({ content: appraisalResultSchema, fileName: z.string(), sent: resultSentSchema.nullable() }),
  }),
  'results.status': defineChannel({
    description: 'Các hồ sơ của một năm đã được gửi kết quả thẩm định: lần gửi, ngày gửi và có cần gửi lại không',
    input: z.object({ year: yearSchema }).strict(),
    output: z.object({ rows: z.array(resultSentSchema) }),
  }),
  'results.export': defineChannel({
    description:
      'Xuất gói kết quả thẩm định đã ký số (.asice) cho một đơn vị hoặc cả một khối của một năm, mỗi gói tự kiểm tra lại và được ghi nhận; trả về một công việc',
    input: z.object({ scope, keyId: idSchema, password: secret.optional(), pin: z.string().max(64).optional() }).strict(),
    output: jobSchema,
  }),
};
