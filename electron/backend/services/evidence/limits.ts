import { AppFailure } from '../../../../shared/ipc/result';

/** Default per-file cap: big scanned PDFs fit, a whole disk image does not. Same as the web host's upload cap. */
export const DEFAULT_MAX_EVIDENCE_BYTES = 200 * 1024 * 1024;

/**
 * The cap in force: CCHC_EVIDENCE_MAX_MB (an administrator's override, 1–4096 MB) or the default.
 * Tests and the benchmark pass their own cap to the service directly.
 */
export const evidenceMaxBytes = (env: Record<string, string | undefined> = process.env): number => {
  const mb = Number(env.CCHC_EVIDENCE_MAX_MB);
  return Number.isInteger(mb) && mb >= 1 && mb <= 4096 ? mb * 1024 * 1024 : DEFAULT_MAX_EVIDENCE_BYTES;
};

const mb = (bytes: number): string =>
  (bytes / (1024 * 1024)).toLocaleString('vi-VN', { maximumFractionDigits: 1, minimumFractionDigits: 0 });

export const tooLarge = (name: string, size: number, max: number): AppFailure =>
  new AppFailure(
    'FILE_TOO_LARGE',
    `Tệp "${name}" quá lớn: mỗi tệp kiểm chứng tối đa ${mb(max)} MB (tệp này từ ${mb(size)} MB trở lên). ` +
      'Hãy giảm dung lượng (ví dụ quét PDF đen trắng 200 dpi) hoặc tách thành nhiều tệp.',
    { size, max },
  );
