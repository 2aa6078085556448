import { z } from 'zod';

import { defineChannel } from '../define';
import { emptyInput, idSchema } from '../../schemas/common';
import { jobSchema } from '../../schemas/job';
import { trustEntrySchema } from './trust';

/** Names of automatic backups in the data folder's backups/ (the only "path" the renderer ever names). */
export const automaticBackupNameSchema = z
  .string()
  .max(64)
  .regex(/^cchc-\d{8}-\d{6}-(startup|pre-migrate|pre-restore)\.sqlite$/, { message: 'Tên bản sao lưu không hợp lệ' });

export const automaticBackupSchema = z.object({
  name: z.string(),
  createdAt: z.string(),
  reason: z.enum(['startup', 'pre-migrate', 'pre-restore']),
  sizeBytes: z.number().int(),
});
export type AutomaticBackup = z.infer<typeof automaticBackupSchema>;

/** `result` of a finished backup.create job. */
export const backupCreatedSchema = z.object({
  fileName: z.string(),
  sizeBytes: z.number().int(),
  evidenceFiles: z.number().int(),
  createdAt: z.string(),
  /** Web host: download the backup by this id; absent in Electron (already saved where the user chose). */
  downloadId: z.string().optional(),
});
export type BackupCreated = z.infer<typeof backupCreatedSchema>;

/** `result` of a finished backup.restore job. */
export const backupRestoredSchema = z.object({
  source: z.enum(['file', 'automatic']),
  createdAt: z.string(),
  assessments: z.number().int(),
  evidenceFiles: z.number().int(),
  /** The automatic backup of the data as it was just before the restore (can be restored back). */
  safetyBackup: z.string(),
  /** The trust anchors and CRLs after the restore, and the fingerprints the restore added. */
  trust: z.object({ entries: z.array(trustEntrySchema), added: z.array(z.string()) }),
});
export type BackupRestored = z.infer<typeof backupRestoredSchema>;

export const backupChannels = {
  'backup.list': defineChannel({
    description: 'Danh sách bản sao lưu tự động (mới nhất trước) và số bản được giữ',
    input: emptyInput,
    output: z.object({ backups: z.array(automaticBackupSchema), keep: z.number().int() }),
  }),
  'backup.create': defineChannel({
    description: 'Sao lưu toàn bộ dữ liệu (cơ sở dữ liệu + tài liệu kiểm chứng) vào một tệp; hỏi nơi lưu; trả về một công việc',
    input: emptyInput,
    output: jobSchema,
  }),
  'backup.restore': defineChannel({
    description: 'Khôi phục từ tệp sao lưu (chọn tệp, hoặc tệp đã tải lên) hoặc từ một bản sao lưu tự động; trả về một công việc',
    input: z
      .object({ uploadId: idSchema.optional(), automaticName: automaticBackupNameSchema.optional() })
      .strict()
      .refine((v) => !(v.uploadId && v.automaticName), { message: 'Chỉ chọn một nguồn khôi phục' }),
    output: jobSchema,
  }),
};
