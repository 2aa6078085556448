import { z } from 'zod';

import { defineChannel } from '../define';
import { appErrorSchema } from '../result';
import { idSchema, userText, yearSchema } from '../../schemas/common';
import { documentNumberSchema, documentSymbolSchema } from '../../schemas/document-fields';
import { jobSchema } from '../../schemas/job';
import { EVIDENCE_PATH_RE } from '../../schemas/submission';
import { UNIT_TYPES } from '../../schemas/unit';
import { inboxTotalsSchema } from './inbox';
import { secret } from './signing';

/**
 * Sở Nội vụ after the appraisal results (docs/package-formats.md §5–6): import the units' giải trình packages,
 * decide each disputed criterion (accept a new score, or keep the appraised one with a reason), close the
 * round of a year (final scores, classification and rank per block), export the final results (Excel, PDF)
 * and the signed final-result package of each unit. Points are integer milli-points.
 */

const milli = z.number().int();
const blockSchema = z.enum(UNIT_TYPES);

/** Why Sở keeps the appraised score: a code the UI words, and the written reason. */
export const KEEP_REASON_CODES = ['EVIDENCE_INSUFFICIENT', 'EVIDENCE_OUT_OF_PERIOD', 'NOT_MEETING_CRITERION', 'OTHER'] as const;
export type KeepReasonCode = (typeof KEEP_REASON_CODES)[number];

export const explanationImportResultSchema = z.object({
  explanationRowId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  revision: z.number().int(),
  /** The revision this one superseded (null: the unit's first giải trình). */
  supersededRevision: z.number().int().nullable(),
  items: z.number().int(),
  evidenceCount: z.number().int(),
  status: z.string(),
});
export type ExplanationImportResult = z.infer<typeof explanationImportResultSchema>;

/** What a finished 'decisions.import' job carries: one outcome per file, in the order chosen. */
export const explanationBatchResultSchema = z.object({
  outcomes: z.array(z.object({ fileName: z.string(), result: explanationImportResultSchema.nullable(), error: appErrorSchema.nullable() })),
});
export type ExplanationBatchResult = z.infer<typeof explanationBatchResultSchema>;

export const UNIT_DISPUTE_STATES = ['NOT_DISPUTED', 'PENDING', 'DECIDED'] as const;

export const decisionUnitRowSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  unitType: blockSchema,
  importId: z.string(),
  /** The active giải trình (null: the unit did not answer, NOT_DISPUTED). */
  explanationRowId: z.string().nullable(),
  revision: z.number().int().nullable(),
  state: z.enum(UNIT_DISPUTE_STATES),
  items: z.number().int(),
  undecided: z.number().int(),
  appraisedTotal: milli,
  /** After closing: the final total, index, band and rank in the block. */
  finalTotal: milli.nullable(),
  finalIndex: z.number().int().nullable(),
  classification: z.string().nullable(),
  rank: z.number().int().nullable(),
});
export type DecisionUnitRow = z.infer<typeof decisionUnitRowSchema>;

export const decisionItemSchema = z.object({
  nodeId: z.string(),
  code: z.string(),
  title: z.string(),
  max: milli,
  self: milli,
  appraised: milli,
  appraisalReason: z.string(),
  requested: milli.nullable(),
  text: z.string(),
  evidence: z.array(z.object({ path: z.string(), originalName: z.string(), mediaType: z.string(), size: z.number().int(), previewable: z.boolean() })),
  decision: z.enum(['ACCEPTED', 'KEPT']).nullable(),
  finalMilli: milli.nullable(),
  reasonCode: z.string(),
  reason: z.string(),
});
export type DecisionItem = z.infer<typeof decisionItemSchema>;

export const decisionDetailSchema = z.object({
  explanationRowId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  unitType: blockSchema,
  year: z.number().int(),
  revision: z.number().int(),
  /** Earlier revisions received (superseded), newest first. */
  history: z.array(z.object({ revision: z.number().int(), importedAt: z.string() })),
  receivedOn: z.string(),
  signerSubject: z.string(),
  closed: z.boolean(),
  items: z.array(decisionItemSchema),
  /** Totals with the decisions taken so far applied to the appraised scores. */
  totals: z.object({ self: inboxTotalsSchema, appraised: inboxTotalsSchema, final: inboxTotalsSchema }),
});
export type DecisionDetail = z.infer<typeof decisionDetailSchema>;

export const decisionsListSchema = z.object({
  years: z.array(z.number().int()),
  year: z.number().int().nullable(),
  closedAt: z.string().nullable(),
  window: z.object({ start: z.string(), end: z.string() }).nullable(),
  units: z.array(decisionUnitRowSchema),
});
export type DecisionsList = z.infer<typeof decisionsListSchema>;

export const finalExportResultSchema = z.object({ fileName: z.string(), sizeBytes: z.number().int(), count: z.number().int(), downloadId: z.string().optional() });
export type FinalExportResult = z.infer<typeof finalExportResultSchema>;

const nodeId = z.string().min(1).max(80).regex(/^[A-Za-z0-9._-]+$/);

export const decisionsChannels = {
  'decisions.import': defineChannel({
    description: 'Nhập một hoặc nhiều gói giải trình (.asice) của đơn vị: kiểm tra chữ ký với chứng thư gốc của Sở, quy tắc Sổ đăng ký, kết quả được trả lời và thời hạn giải trình; trả về một công việc',
    input: z.object({ uploadIds: z.array(idSchema).min(1).max(50).optional() }).strict(),
    output: jobSchema,
  }),
  'decisions.list': defineChannel({
    description: 'Các đơn vị của một năm với tình trạng giải trình (không giải trình, chờ quyết định, đã quyết định) và, khi đã kết thúc, điểm cuối cùng, xếp loại, thứ hạng',
    input: z.object({ year: yearSchema.optional() }).strict(),
    output: decisionsListSchema,
  }),
  'decisions.get': defineChannel({
    description: 'Giải trình của một đơn vị: điểm tự đánh giá, thẩm định, đề nghị, nội dung giải trình, tài liệu mới và quyết định của từng tiêu chí',
    input: z.object({ explanationRowId: idSchema }).strict(),
    output: decisionDetailSchema,
  }),
  'decisions.decide': defineChannel({
    description: 'Quyết định một tiêu chí được giải trình: chấp nhận (điểm mới) hoặc giữ nguyên (lý do bắt buộc); decision = null để bỏ quyết định',
    input: z
      .object({
        explanationRowId: idSchema,
        nodeId,
        decision: z.enum(['ACCEPTED', 'KEPT']).nullable(),
        finalMilli: z.number().int().min(0).max(100_000_000).nullable(),
        reasonCode: z.union([z.enum(KEEP_REASON_CODES), z.literal('')]),
        reason: userText(4000),
      })
      .strict(),
    output: decisionDetailSchema,
  }),
  'decisions.previewEvidence': defineChannel({
    description: 'Xem trước một tài liệu kiểm chứng mới (PDF, ảnh) của giải trình',
    input: z.object({ explanationRowId: idSchema, path: z.string().max(32).regex(EVIDENCE_PATH_RE) }).strict(),
    output: z.object({ fileId: z.string(), mimeType: z.string(), fileName: z.string() }),
  }),
  'decisions.close': defineChannel({
    description: 'Kết thúc đợt đánh giá của một năm: điểm cuối cùng, xếp loại và thứ hạng theo khối; sau đó điểm thẩm định và quyết định chỉ còn xem',
    input: z.object({ year: yearSchema }).strict(),
    output: decisionsListSchema,
  }),
  'decisions.exportResults': defineChannel({
    description: 'Xuất kết quả cuối cùng của một năm: Excel (mỗi khối một trang tính) hoặc PDF (văn bản hành chính, có số và ký hiệu khi đã cấp; chưa có số là bản dự thảo); trả về một công việc',
    // The PDF's number and symbol (Số, Ký hiệu: Nghị định 30/2020); without a number it is a draft ("DỰ THẢO").
    input: z.object({ year: yearSchema, format: z.enum(['xlsx', 'pdf']), number: documentNumberSchema.optional(), symbol: documentSymbolSchema.optional() }).strict(),
    output: jobSchema,
  }),
  'decisions.exportPackages': defineChannel({
    description: 'Xuất gói kết quả cuối cùng đã ký số cho một đơn vị (.asice) hoặc cả một khối (.zip gồm các gói), tự kiểm tra lại; trả về một công việc',
    input: z
      .object({ year: yearSchema, unitCode: z.string().min(1).max(40).optional(), block: blockSchema.optional(), keyId: idSchema, password: secret.optional(), pin: z.string().max(64).optional() })
      .strict(),
    output: jobSchema,
  }),
};
