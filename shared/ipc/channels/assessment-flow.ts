import { z } from 'zod';

import { defineChannel } from '../define';
import { PREFLIGHT_CODES } from '../../domain/preflight';
import { assessmentSchema } from '../../schemas/assessment';
import { idSchema, isoDateSchema } from '../../schemas/common';

/** The guided self-assessment flow: preflight, deadline, evidence counts, lock → new revision. */

export const preflightIssueSchema = z.object({
  code: z.enum(PREFLIGHT_CODES),
  severity: z.enum(['error', 'warning']),
  nodeId: z.string().nullable(),
  nodeCode: z.string().nullable(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
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

const byAssessment = z.object({ assessmentId: idSchema }).strict();

export const assessmentFlowChannels = {
  'preflight.run': defineChannel({
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
};
