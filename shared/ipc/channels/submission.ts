import { z } from 'zod';

import { defineChannel } from '../define';
import { idSchema } from '../../schemas/common';
import { jobSchema } from '../../schemas/job';
import { secret } from './signing';

/** What a finished 'submission.export' job carries in `result` (never a path). */
export const submissionExportResultSchema = z.object({
  fileName: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  submissionId: z.string(),
  revision: z.number().int(),
  status: z.string(),
  code: z.string(),
  message: z.string(),
  /** Every warning code of the re-check, so the wizard explains them as "Kiểm tra hồ sơ" does. */
  warnings: z.array(z.string()),
  downloadId: z.string().optional(),
});
export type SubmissionExportResult = z.infer<typeof submissionExportResultSchema>;

/** One bundle exported for the assessment (every revision, every re-export), oldest first. */
export const submittedBundleSchema = z.object({
  id: idSchema,
  revision: z.number().int().min(1),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  /** Certificate subject DN of the signer (the UI shows the name, title and organisation). */
  signerSubject: z.string(),
  createdAt: z.string(),
  /** The code of the exporter's own re-check (OK or the first warning). */
  verificationCode: z.string(),
  /** False when the file is no longer where it was written. */
  available: z.boolean(),
});
export type SubmittedBundle = z.infer<typeof submittedBundleSchema>;

export const submissionChannels = {
  'submission.export': defineChannel({
    description: 'Xuất hồ sơ nộp đã ký số (.asice): kiểm tra trước khi nộp, ký, tự kiểm tra lại, khóa bản tự đánh giá; trả về một công việc',
    input: z
      .object({ assessmentId: idSchema, keyId: idSchema, password: secret.optional(), pin: z.string().max(64).optional() })
      .strict(),
    output: jobSchema,
  }),
  'submission.history': defineChannel({
    description: 'Các hồ sơ nộp đã xuất của bản tự đánh giá, mọi lần nộp (kể cả lần cũ sau khi tạo lần nộp mới)',
    input: z.object({ assessmentId: idSchema }).strict(),
    output: z.array(submittedBundleSchema),
  }),
  'submission.openBundle': defineChannel({
    description: 'Mở lại một hồ sơ nộp đã xuất: tải về (trình duyệt) hoặc mở thư mục chứa tệp (ứng dụng máy tính)',
    input: z.object({ assessmentId: idSchema, bundleId: idSchema }).strict(),
    output: z.object({ fileName: z.string(), downloadId: z.string().optional(), shown: z.boolean() }),
  }),
  'submission.showInFolder': defineChannel({
    description: 'Mở thư mục chứa hồ sơ nộp vừa xuất',
    input: z.object({ jobId: idSchema }).strict(),
    output: z.object({ shown: z.boolean() }),
  }),
};
