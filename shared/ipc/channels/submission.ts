import { z } from 'zod';

import { defineChannel } from '../define';
import { idSchema } from '../../schemas/common';
import { jobSchema } from '../../schemas/job';
import { signerDetailsSchema } from '../../schemas/submission';

/** A password or PIN: sent once for one operation, never stored or logged by the backend. */
const secret = z.string().max(256);

const keySource = z.discriminatedUnion('kind', [
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
  'submission.showInFolder': defineChannel({
    description: 'Mở thư mục chứa hồ sơ nộp vừa xuất',
    input: z.object({ jobId: idSchema }).strict(),
    output: z.object({ shown: z.boolean() }),
  }),
};
