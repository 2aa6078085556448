import { z } from 'zod';

import { defineChannel } from '../define';
import { emptyInput, idSchema } from '../../schemas/common';
import { jobSchema } from '../../schemas/job';
import { finalResultSchema } from '../../schemas/final-result';
import { packageRankSchema, packageTotalsSchema } from '../../schemas/exchange-common';
import { secret } from './signing';

/**
 * The unit's side of the round after its submission (docs/package-formats.md §4–6): import Sở Nội vụ's
 * appraisal result, compare it with the self-assessment, write the giải trình (explanation per disputed
 * criterion, requested score, evidence), export it signed inside the window, and keep the final result.
 */

export const WINDOW_STATES = ['NOT_OPEN', 'OPEN', 'CLOSED'] as const;

const evidenceRef = z.object({ source: z.enum(['DOCUMENT', 'NEW']), refId: idSchema }).strict();
const draftItemIn = z
  .object({
    nodeId: z.string().min(1).max(80),
    text: z.string().max(8000).trim().min(1),
    /** Milli-points (the app's number field parses "7,5" exactly); null: no score asked for. */
    requested: z.number().int().min(0).max(100_000_000).nullable(),
    evidence: z.array(evidenceRef).max(100),
  })
  .strict();

const rowSchema = z.object({
  nodeId: z.string(),
  code: z.string(),
  title: z.string(),
  max: z.number().int(),
  self: z.number().int(),
  appraised: z.number().int(),
  /** appraised − self, milli-points. */
  difference: z.number().int(),
  reason: z.string(),
});
/** A survey (XHH/SIPAS) line of the result: measured and entered by Sở Nội vụ, never self-scored; null: not entered yet. */
const surveyRowSchema = z.object({ nodeId: z.string(), code: z.string(), title: z.string(), max: z.number().int(), points: z.number().int().nullable() });
/** Lines whose "self" score is not what the unit's export of that revision scored (milli-points); null: no record. */
const selfDiffersSchema = z.array(z.object({ nodeId: z.string(), code: z.string(), submitted: z.number().int(), inResult: z.number().int() })).nullable();
const fileRef = z.object({ source: z.enum(['DOCUMENT', 'NEW']), refId: z.string(), name: z.string(), size: z.number().int() });

export const replyViewSchema = z.object({
  resultId: z.string(),
  revision: z.number().int(),
  supersededRevisions: z.array(z.number().int()),
  year: z.number().int(),
  roundId: z.string(),
  issuer: z.object({ code: z.string(), name: z.string() }),
  assessmentId: z.string(),
  /**
   * The submission the result appraised. `exportedAt`: when this unit last exported that revision (null if its
   * record is gone); `sameFile`: the package the result names (its SHA-256) is that last export, false when the
   * unit exported the same revision again after sending the one Sở Nội vụ appraised. `selfDiffers`: the lines
   * whose "self" score is not what that export scored (milli-points); null when the unit has no such record.
   */
  submission: z.object({
    submissionId: z.string(),
    revision: z.number().int(),
    exportedAt: z.string().nullable(),
    sameFile: z.boolean(),
    selfDiffers: selfDiffersSchema,
  }),
  packageSha256: z.string(),
  importedAt: z.string(),
  /** Differences first (largest loss first), then the rest in the set's order. */
  rows: z.array(rowSchema),
  /** The survey lines of the package, in its order: their points are part of both totals. */
  survey: z.array(surveyRowSchema),
  totals: z.object({ self: packageTotalsSchema, appraised: packageTotalsSchema }),
  rank: packageRankSchema,
  window: z.object({ start: z.string(), end: z.string(), today: z.string(), state: z.enum(WINDOW_STATES), daysLeft: z.number().int() }),
  draft: z.array(z.object({ nodeId: z.string(), text: z.string(), requested: z.number().int().nullable(), evidence: z.array(fileRef) })),
  /** Files the giải trình may cite: the assessment's library and those added for the giải trình. */
  library: z.array(fileRef),
  sent: z.array(z.object({ explanationId: z.string(), revision: z.number().int(), resultRevision: z.number().int(), packageSha256: z.string(), fileName: z.string(), sentAt: z.string() })),
  /** The final result, if received; `selfDiffers` as for the appraisal result, on the final result's lines. */
  final: z.object({ revision: z.number().int(), importedAt: z.string(), content: finalResultSchema, selfDiffers: selfDiffersSchema }).nullable(),
});
export type ReplyView = z.infer<typeof replyViewSchema>;
export type ReplyRow = z.infer<typeof rowSchema>;
export type ReplySurveyRow = z.infer<typeof surveyRowSchema>;

export const replyExportResultSchema = z.object({
  fileName: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  explanationId: z.string(),
  revision: z.number().int(),
  status: z.string(),
  code: z.string(),
  downloadId: z.string().optional(),
});
export type ReplyExportResult = z.infer<typeof replyExportResultSchema>;

export const replyChannels = {
  'reply.list': defineChannel({
    description: 'Kết quả thẩm định đã nhận (mới nhất mỗi kết quả), bản nháp giải trình, các gói giải trình đã gửi và kết quả cuối cùng',
    input: emptyInput,
    output: z.object({ results: z.array(replyViewSchema) }),
  }),
  'reply.importResult': defineChannel({
    description: 'Nhập gói kết quả thẩm định của Sở Nội vụ: kiểm tra chữ ký với chứng thư gốc đã thêm và các quy tắc của đơn vị; trả về một công việc',
    input: z.object({ uploadId: idSchema.optional() }).strict(),
    output: jobSchema,
  }),
  'reply.saveDraft': defineChannel({
    description: 'Lưu bản nháp giải trình của một kết quả (toàn bộ các tiêu chí giải trình)',
    input: z.object({ resultId: idSchema, items: z.array(draftItemIn).max(2000) }).strict(),
    output: replyViewSchema,
  }),
  'reply.attach': defineChannel({
    description: 'Thêm một tài liệu mới cho giải trình (vào kho tài liệu của ứng dụng); trả về một công việc',
    input: z.object({ resultId: idSchema, uploadId: idSchema.optional() }).strict(),
    output: jobSchema,
  }),
  'reply.export': defineChannel({
    description: 'Xuất gói giải trình đã ký số (.asice) trong thời hạn giải trình, tự kiểm tra lại; trả về một công việc',
    input: z.object({ resultId: idSchema, keyId: idSchema, password: secret.optional(), pin: z.string().max(64).optional() }).strict(),
    output: jobSchema,
  }),
  'reply.importFinal': defineChannel({
    description: 'Nhập gói kết quả cuối cùng của Sở Nội vụ (sau giải trình); trả về một công việc',
    input: z.object({ uploadId: idSchema.optional() }).strict(),
    output: jobSchema,
  }),
};
