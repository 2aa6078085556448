import { z } from 'zod';

import { fillTemplate } from '../ipc/errors/text';
import type { Language } from '../schemas/settings';

/**
 * What a long job is doing, as a code with parameters (a job's `progress.step`, shared/schemas/job.ts): the
 * renderer words it in the language shown (renderer/src/jobs/JobProgress.tsx), so a step follows a language
 * switch like every other text; the backend also keeps the Vietnamese wording in `progress.label` for the CLI
 * and the logs. `{stage}` is itself a step code, worded the same way.
 */
export const PROGRESS_STEPS = {
  CHOOSE_TARGET: { vi: 'Chọn nơi lưu tệp', en: 'Choosing where to save the file' },
  CHOOSE_SUBMISSION_TARGET: { vi: 'Chọn nơi lưu hồ sơ', en: 'Choosing where to save the submission' },
  CHOOSE_ROUND_TARGET: { vi: 'Chọn nơi lưu gói đợt đánh giá', en: 'Choosing where to save the round package' },
  CHOOSE_RESULT_TARGET: { vi: 'Chọn nơi lưu gói kết quả thẩm định', en: 'Choosing where to save the appraisal result package' },
  CHOOSE_EXPLANATION_TARGET: { vi: 'Chọn nơi lưu gói giải trình', en: 'Choosing where to save the explanation package' },
  CHOOSE_FINAL_TARGET: { vi: 'Chọn nơi lưu gói kết quả cuối cùng', en: 'Choosing where to save the final result package' },
  CHOOSE_BACKUP_TARGET: { vi: 'Chọn nơi lưu tệp sao lưu', en: 'Choosing where to save the backup' },
  CHOOSE_RESULTS_FOLDER: { vi: 'Chọn thư mục lưu các gói kết quả thẩm định', en: 'Choosing the folder for the appraisal result packages' },
  UNLOCK_KEY: { vi: 'Mở khóa ký', en: 'Unlocking the signing key' },
  MAKING_SHEET: { vi: 'Đang tạo bảng tính', en: 'Making the spreadsheet' },
  MAKING_PDF: { vi: 'Đang tạo văn bản PDF', en: 'Making the PDF document' },
  MAKING_REPORT_PDF: { vi: 'Đang tạo báo cáo PDF', en: 'Making the PDF report' },
  MAKING_SIGNED_REPORT: { vi: 'Đang tạo và ký số báo cáo PDF', en: 'Making and signing the PDF report' },
  MAKING_EXCEL_TEMPLATE: { vi: 'Đang tạo mẫu Excel', en: 'Making the Excel template' },
  MAKING_JSON: { vi: 'Đang tạo tệp JSON', en: 'Making the JSON file' },
  WRITING_FILE: { vi: 'Đang ghi tệp', en: 'Writing the file' },
  DONE: { vi: 'Hoàn tất', en: 'Done' },
  FILE: { vi: '{name}', en: '{name}' },
  SIGNING: { vi: 'Ký số', en: 'Signing' },
  SIGNING_REPORT_PDF: { vi: 'Ký số báo cáo PDF', en: 'Signing the PDF report' },
  RECHECKING_PACKAGE: { vi: 'Kiểm tra lại gói vừa ký', en: 'Checking the signed package again' },
  BACKUP_SNAPSHOT: { vi: 'Đang chụp cơ sở dữ liệu', en: 'Taking a snapshot of the database' },
  BACKUP_WRITING: { vi: 'Đang ghi tệp sao lưu', en: 'Writing the backup file' },
  BACKUP_CHECKING_WRITTEN: { vi: 'Đang kiểm tra tệp sao lưu vừa ghi', en: 'Checking the backup just written' },
  BACKUP_CHECKING: { vi: 'Đang kiểm tra tệp sao lưu', en: 'Checking the backup file' },
  RESTORE_CHECKING_DATABASE: { vi: 'Đang kiểm tra cơ sở dữ liệu trong bản sao lưu', en: 'Checking the database in the backup' },
  RESTORE_EVIDENCE: { vi: 'Đang khôi phục tài liệu kiểm chứng', en: 'Restoring the evidence documents' },
  RESTORE_SAFETY_BACKUP: { vi: 'Đang sao lưu dữ liệu hiện tại trước khi khôi phục', en: 'Backing up the current data before restoring' },
  CHECKING_PACKAGE: { vi: 'Đang kiểm tra chữ ký và các tệp', en: 'Checking the signature and the files' },
  CHECKING_ROUND: { vi: 'Đang kiểm tra chữ ký và nội dung gói đợt đánh giá', en: 'Checking the signature and content of the round package' },
  SAVING_SUBMISSION: { vi: 'Đang lưu hồ sơ', en: 'Saving the submission' },
  SAVING_EXPLANATION: { vi: 'Đang lưu giải trình', en: 'Saving the explanation' },
  SAVING_ROUND: { vi: 'Đang lưu đợt đánh giá', en: 'Saving the round' },
  PACKAGE_OF_BATCH: { vi: 'Hồ sơ {i}/{n}: {name}', en: 'Package {i}/{n}: {name}' },
  PACKAGE_OF_BATCH_STAGE: { vi: 'Hồ sơ {i}/{n}: {name} — {stage}', en: 'Package {i}/{n}: {name} — {stage}' },
  BATCH_DONE: { vi: 'Đã xử lý {n}/{n} hồ sơ', en: 'Processed {n}/{n} packages' },
  UNIT_OF_BATCH: { vi: 'Đơn vị {i}/{n}: {name}', en: 'Unit {i}/{n}: {name}' },
  FILE_STAGE: { vi: '{name}: {stage}', en: '{name}: {stage}' },
  SIGNING_FINAL_OF: { vi: 'Đang ký gói kết quả cuối cùng của {unit}', en: 'Signing the final result package of {unit}' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type ProgressCode = keyof typeof PROGRESS_STEPS;
const CODES = Object.keys(PROGRESS_STEPS) as [ProgressCode, ...ProgressCode[]];

export const progressStepSchema = z.object({
  code: z.enum(CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ProgressStep = z.infer<typeof progressStepSchema>;

/** How long work reports where it is: done and total (bytes, files, units…) and, when it changed, the step. */
export type OnProgress = (done: number, total: number, step?: ProgressStep) => void;

const isCode = (s: unknown): s is ProgressCode => typeof s === 'string' && Object.hasOwn(PROGRESS_STEPS, s);

/** The step in words: `{name}` filled from the parameters, `{stage}` (a step code) worded in the same language. */
export const progressText = (step: ProgressStep, lang: Language): string => {
  const params = step.params ?? {};
  const stage = params.stage;
  return fillTemplate(PROGRESS_STEPS[step.code][lang], isCode(stage) ? { ...params, stage: PROGRESS_STEPS[stage][lang] } : params, lang);
};

/** A step (with the parameters its text needs) — the one way the backend names one. */
export const step = (code: ProgressCode, params?: Record<string, string | number>): ProgressStep => (params ? { code, params } : { code });
