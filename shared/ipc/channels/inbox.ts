import { z } from 'zod';

import { defineChannel } from '../define';
import { toMilli } from '../../domain/points';
import { idSchema, userText, yearSchema } from '../../schemas/common';
import { NODE_KINDS, nodeIdSchema } from '../../schemas/indicator-set';
import { jobSchema } from '../../schemas/job';
import { EVIDENCE_PATH_RE, signerDetailsSchema } from '../../schemas/submission';
import { UNIT_TYPES } from '../../schemas/unit';

/**
 * Sở Nội vụ's receiving side: import verified bundles, appraise (thẩm định) each unit's scores and rank the
 * units in their block. Points are integer milli-points, indices hundredths of a percent (9617 = 96,17 %).
 */

const milli = z.number().int();
const indexBp = z.number().int().nullable();
const blockSchema = z.enum(UNIT_TYPES);

export const inboxTotalsSchema = z.object({
  self: milli,
  survey: milli,
  bonus: milli,
  penalty: milli,
  final: milli,
  applicableMax: milli,
  index: indexBp,
  classification: z.object({ id: z.string(), label: z.string() }).nullable(),
});
export type InboxTotals = z.infer<typeof inboxTotalsSchema>;

export const inboxRowSchema = z.object({
  importId: z.string(),
  submissionId: z.string(),
  revision: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  unitType: blockSchema,
  year: z.number().int(),
  setId: z.string(),
  setVersion: z.string(),
  /** Self-assessed final (points) and the appraised final, index and band (appraised). */
  selfTotal: milli,
  appraisedTotal: milli,
  selfIndex: indexBp,
  index: indexBp,
  classification: z.string().nullable(),
  /** Rank inside the block (ties share one); null when no index. */
  rank: z.number().int().nullable(),
  status: z.enum(['VALID', 'VALID_WITH_WARNINGS']),
  warnings: z.array(z.string()),
  signerSubject: z.string(),
  appraisedCount: z.number().int(),
  importedAt: z.string(),
});
export type InboxRow = z.infer<typeof inboxRowSchema>;

export const inboxNodeSchema = z.object({
  nodeId: z.string(),
  code: z.string(),
  title: z.string(),
  depth: z.number().int(),
  isLeaf: z.boolean(),
  kind: z.enum([...NODE_KINDS, 'MIXED']).nullable(),
  max: milli,
  self: milli,
  /** After appraisal (the self score where nothing was entered; containers: roll-up). */
  appraised: milli,
  /** What the appraiser entered on this leaf (null: self score accepted). */
  override: milli.nullable(),
  comment: z.string(),
  editable: z.boolean(),
  status: z.string(),
  /** The engine's explanation of the self score from the declared inputs. */
  explanation: z.string(),
  /** The unit's own explanation (giải trình). */
  note: z.string(),
  /** The unit's reason for having no evidence on this criterion (its explicit waiver); null: none. */
  evidenceWaiver: z.string().nullable(),
  inputsText: z.string(),
  notApplicableReason: z.string().nullable(),
  evidence: z.array(z.string()),
  /** Survey / external-index leaves: the value Sở Nội vụ entered (never the unit's); null on other nodes. */
  survey: z
    .object({ value: z.number().nullable(), valueUnit: z.enum(['percent', 'scale']), scaleMax: z.number() })
    .nullable(),
});
export type InboxNode = z.infer<typeof inboxNodeSchema>;

export const inboxEvidenceSchema = z.object({
  path: z.string(),
  originalName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  previewable: z.boolean(),
  metadata: z.record(z.string(), z.string()),
});

export const inboxDetailSchema = z.object({
  row: inboxRowSchema,
  setName: z.string(),
  supersedes: z.number().int().nullable(),
  /** True when a later import of the same unit and year is the active one (then read-only). */
  superseded: z.boolean(),
  /** Every import of this unit and year, newest (active) first: the visible history. */
  revisions: z.array(z.object({ importId: z.string(), submissionId: z.string(), revision: z.number().int(), importedAt: z.string() })),
  verification: z.object({
    status: z.string(),
    code: z.string(),
    message: z.string(),
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
    signer: signerDetailsSchema.nullable(),
    chain: z.array(z.string()),
    signingTime: z.string().nullable(),
    checkedAt: z.string(),
    bundleSha256: z.string(),
    bundleSize: z.number().int(),
  }),
  totals: z.object({ self: inboxTotalsSchema, appraised: inboxTotalsSchema }),
  nodes: z.array(inboxNodeSchema),
  evidence: z.array(inboxEvidenceSchema),
});
export type InboxDetail = z.infer<typeof inboxDetailSchema>;

/** What a finished 'inbox.import' job carries in `result`. */
export const inboxImportResultSchema = z.object({
  importId: z.string(),
  unitName: z.string(),
  unitType: blockSchema,
  year: z.number().int(),
  revision: z.number().int(),
  status: z.string(),
  code: z.string(),
  message: z.string(),
  supersededImportId: z.string().nullable(),
  evidenceCount: z.number().int(),
  newFiles: z.number().int(),
});
export type InboxImportResult = z.infer<typeof inboxImportResultSchema>;

/** A batch import's limits, checked before any package is read (the renderer checks them before uploading too). */
export const INBOX_BATCH_MAX_FILES = 500;
export const INBOX_BATCH_MAX_BYTES = 16 * 1024 ** 3;

/** One file of a batch import: accepted (which unit, which revision) or refused (its code and Vietnamese message). */
export const inboxBatchFileSchema = z.discriminatedUnion('outcome', [
  z.object({
    name: z.string(),
    outcome: z.literal('accepted'),
    importId: z.string(),
    unitName: z.string(),
    unitType: blockSchema,
    year: z.number().int(),
    revision: z.number().int(),
    /** OK, or the first warning's code (VALID_WITH_WARNINGS). */
    code: z.string(),
  }),
  z.object({
    name: z.string(),
    outcome: z.literal('refused'),
    /** The verification code (E_…, shared/domain/bundle-codes.ts) when there is one, else the reason. */
    code: z.string(),
    message: z.string(),
    reason: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
]);
export type InboxBatchFile = z.infer<typeof inboxBatchFileSchema>;

/** What a finished 'inbox.importBatch' job carries in `result` (a cancelled one carries `files` in its error's details). */
export const inboxBatchResultSchema = z.object({
  total: z.number().int(),
  accepted: z.number().int(),
  refused: z.number().int(),
  files: z.array(inboxBatchFileSchema),
});
export type InboxBatchResult = z.infer<typeof inboxBatchResultSchema>;

export const rankingExportResultSchema = z.object({ fileName: z.string(), sizeBytes: z.number().int(), downloadId: z.string().optional() });
export type RankingExportResult = z.infer<typeof rankingExportResultSchema>;

export const inboxChannels = {
  'inbox.import': defineChannel({
    description: 'Tiếp nhận một hồ sơ nộp (.asice): kiểm tra chữ ký và từng tệp, chép tài liệu kiểm chứng vào kho, lưu kết quả kiểm tra; trả về một công việc',
    input: z.object({ uploadId: idSchema.optional() }).strict(),
    output: jobSchema,
  }),
  'inbox.importBatch': defineChannel({
    description:
      'Tiếp nhận hàng loạt hồ sơ nộp (cả một khối): tệp tải lên (trình duyệt) hoặc một thư mục chọn trong hộp thoại (ứng dụng); mỗi tệp theo đúng quy tắc tiếp nhận một hồ sơ; trả về một công việc có tiến độ, có thể hủy',
    input: z.object({ uploadIds: z.array(idSchema).min(1).max(INBOX_BATCH_MAX_FILES).optional() }).strict(),
    output: jobSchema,
  }),
  'inbox.list': defineChannel({
    description: 'Danh sách hồ sơ đã tiếp nhận (phiên bản mới nhất của mỗi hồ sơ), chia theo khối, có điểm tự đánh giá, điểm thẩm định và chỉ số',
    input: z.object({ year: yearSchema.optional() }).strict(),
    output: z.object({
      years: z.array(z.number().int()),
      year: z.number().int().nullable(),
      blocks: z.object({ SO: z.array(inboxRowSchema), PHUONG: z.array(inboxRowSchema), XA_DAC_KHU: z.array(inboxRowSchema) }),
    }),
  }),
  'inbox.get': defineChannel({
    description: 'Chi tiết một hồ sơ đã tiếp nhận: đơn vị, người ký, kết quả kiểm tra, điểm từng tiêu chí, tài liệu kiểm chứng, điểm thẩm định',
    input: z.object({ importId: idSchema }).strict(),
    output: inboxDetailSchema,
  }),
  'inbox.ranking': defineChannel({
    description: 'Xếp hạng các đơn vị trong một khối theo chỉ số sau thẩm định',
    input: z.object({ year: yearSchema, block: blockSchema }).strict(),
    output: z.object({ year: z.number().int(), block: blockSchema, rows: z.array(inboxRowSchema) }),
  }),
  'inbox.exportRanking': defineChannel({
    description: 'Xuất bảng xếp hạng của một năm ra Excel (mỗi khối một trang tính); trả về một công việc',
    input: z.object({ year: yearSchema }).strict(),
    output: jobSchema,
  }),
  'inbox.previewEvidence': defineChannel({
    description: 'Xem trước một tài liệu kiểm chứng (PDF, ảnh) của hồ sơ đã tiếp nhận',
    input: z.object({ importId: idSchema, path: z.string().max(32).regex(EVIDENCE_PATH_RE) }).strict(),
    output: z.object({ fileId: z.string(), mimeType: z.string(), fileName: z.string() }),
  }),
  'inbox.saveSurvey': defineChannel({
    description:
      'Nhập (hoặc xóa, value = null) kết quả điều tra xã hội học / chỉ số bên ngoài của một đơn vị cho một tiêu chí (Sở Nội vụ nhập, không lấy từ hồ sơ của đơn vị); trả về chi tiết với tổng điểm tính lại',
    input: z
      .object({
        importId: idSchema,
        nodeId: nodeIdSchema,
        value: z
          .number()
          .min(0)
          .max(1_000_000)
          .refine((v) => toMilli(v) !== null, { message: 'Tối đa 3 chữ số thập phân' })
          .nullable(),
      })
      .strict(),
    output: inboxDetailSchema,
  }),
  'inbox.appraise': defineChannel({
    description: 'Lưu điểm thẩm định (nghìn phần điểm, null = giữ điểm tự đánh giá) và ý kiến cho một tiêu chí; trả về chi tiết với tổng điểm tính lại',
    input: z
      .object({
        importId: idSchema,
        nodeId: z.string().min(1).max(80).regex(/^[A-Za-z0-9._-]+$/),
        appraisedMilli: z.number().int().min(0).max(1_000_000).nullable(),
        comment: userText(4000),
      })
      .strict(),
    output: inboxDetailSchema,
  }),
};
