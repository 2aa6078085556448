import { z } from 'zod';

import { defineChannel } from '../define';
import { idSchema } from '../../schemas/common';
import { jobSchema } from '../../schemas/job';
import { signerDetailsSchema } from '../../schemas/submission';

/** A password or PIN: sent once for one operation, never stored or logged by the backend. */
export const secret = z.string().max(256);

/** Which signing key: the same choice wherever the app signs a package (submission, round). */
export const keySource = z.discriminatedUnion('kind', [
  /** A .p12/.pfx file: chosen in the native dialog (Electron) or uploaded (web host: uploadId). */
  z.object({ kind: z.literal('p12'), password: secret, uploadId: idSchema.optional() }).strict(),
  /** A PKCS#11 USB token: the vendor module (.dll/.so) is chosen in the native dialog. */
  z.object({ kind: z.literal('pkcs11'), pin: z.string().max(64), tokenSerial: z.string().max(64).optional() }).strict(),
]);

export const submissionPreviewSchema = z.object({
  /** Opaque handle of the chosen key file/module for the export call (the path stays in the backend). */
  keyId: z.string(),
  signer: signerDetailsSchema,
  /** Why this key cannot sign now (expired, not yet valid, wrong key usage), or null; reason and params for the UI. */
  problem: z
    .object({
      code: z.string(),
      message: z.string(),
      reason: z.string().optional(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    })
    .nullable(),
});
export type SubmissionPreview = z.infer<typeof submissionPreviewSchema>;

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
  'submission.preview': defineChannel({
    description: 'Chọn khóa ký (tệp .p12/.pfx hoặc USB token), mở bằng mật khẩu/PIN và trả về thông tin người ký để xác nhận',
    input: z.object({ assessmentId: idSchema, source: keySource }).strict(),
    output: submissionPreviewSchema,
  }),
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
