import { z } from 'zod';

import { defineChannel } from '../define';
import { PREFLIGHT_CODES } from '../../domain/preflight';
import { scoreProblemSchema } from '../../domain/scoring/problems';
import { EVIDENCE_PROBLEMS } from '../../schemas/evidence';
import { assessmentSchema, createAssessmentInputSchema } from '../../schemas/assessment';
import { emptyInput, idSchema, isoDateSchema } from '../../schemas/common';

/**
 * A unit's self-assessments: create and list them, the guided flow (preflight, deadline, evidence counts,
 * lock → new revision) and carrying last year's answers forward into a new one.
 */

export const preflightIssueSchema = z.object({
  code: z.enum(PREFLIGHT_CODES),
  severity: z.enum(['error', 'warning']),
  nodeId: z.string().nullable(),
  nodeCode: z.string().nullable(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  problem: scoreProblemSchema.optional(),
  evidence: z.object({ name: z.string(), problem: z.enum(EVIDENCE_PROBLEMS) }).optional(),
});

export const preflightReportSchema = z.object({
  ok: z.boolean(),
  errors: z.array(preflightIssueSchema),
  warnings: z.array(preflightIssueSchema),
});

export const revisionEntrySchema = z.object({
  revision: z.number().int().min(1),
  createdAt: z.string(),
  /** Revision this one replaced (null for the first). */
  supersedes: z.number().int().nullable(),
});

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

const byAssessment = z.object({ assessmentId: idSchema }).strict();

export const assessmentsChannels = {
  'assessments.list': defineChannel({
    description: 'Các bản tự đánh giá của đơn vị, mới nhất trước',
    input: emptyInput,
    output: z.array(assessmentSchema),
  }),
  'assessments.get': defineChannel({
    description: 'Một bản tự đánh giá',
    input: z.object({ assessmentId: idSchema }).strict(),
    output: assessmentSchema,
  }),
  'assessments.create': defineChannel({
    description: 'Tạo bản tự đánh giá cho một năm với một bộ chỉ số',
    input: createAssessmentInputSchema,
    output: assessmentSchema,
  }),
  'assessments.preflight': defineChannel({
    description: 'Kiểm tra trước khi nộp: lỗi phải sửa và cảnh báo, mỗi mục chỉ tới tiêu chí cần sửa',
    input: byAssessment,
    output: preflightReportSchema,
  }),
  'assessments.setDeadline': defineChannel({
    description: 'Đặt hoặc bỏ hạn nộp của bản tự đánh giá',
    input: z.object({ assessmentId: idSchema, deadline: isoDateSchema.nullable() }).strict(),
    output: assessmentSchema,
  }),
  'assessments.newRevision': defineChannel({
    description: 'Mở khóa bản tự đánh giá đã xuất hồ sơ để sửa và nộp lại (lần nộp mới, đánh số tăng dần)',
    input: byAssessment,
    output: assessmentSchema,
  }),
  'assessments.revisions': defineChannel({
    description: 'Lịch sử các lần nộp của bản tự đánh giá',
    input: byAssessment,
    output: z.array(revisionEntrySchema),
  }),
  'assessments.evidenceCounts': defineChannel({
    description: 'Số tài liệu kiểm chứng gắn với từng tiêu chí (cho cây tiêu chí và tổng quan)',
    input: byAssessment,
    output: z.record(z.string(), z.number().int().min(0)),
  }),
  'assessments.carryForward': defineChannel({
    description: 'Chuyển câu trả lời, giải trình và tài liệu kiểm chứng của năm trước sang bản tự đánh giá mới theo ánh xạ tiêu chí',
    input: z
      .object({ fromAssessmentId: idSchema, toAssessmentId: idSchema, dryRun: z.boolean().default(false) })
      .strict(),
    output: carryForwardReportSchema,
  }),
};
