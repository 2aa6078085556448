import type { ReasonText } from './codes';

/** Sở Nội vụ's appraisal results (services/results, docs/package-formats.md §4). */
export const RESULTS_REASONS = {
  RESULTS_NO_ROUND: {
    code: 'PREFLIGHT_FAILED',
    vi: 'Chưa có đợt đánh giá năm {year}: hãy tạo đợt đánh giá (có thời hạn giải trình) trước khi gửi kết quả thẩm định.',
    en: 'There is no round for {year}: create the round (with its explanation window) before sending appraisal results.',
  },
  RESULTS_ISSUER_FIRST: {
    code: 'PREFLIGHT_FAILED',
    vi: 'Hãy khai báo hồ sơ đơn vị (Sở Nội vụ: tên, mã) trước khi gửi kết quả thẩm định.',
    en: 'Fill in the unit profile (the Department of Home Affairs: name, code) before sending appraisal results.',
  },
  /** Old data stored before a changed score needed a reason (services/inbox/appraise.ts). */
  RESULTS_REASON_MISSING: {
    code: 'VALIDATION',
    vi: '{unit}: tiêu chí {code} có điểm thẩm định khác điểm tự chấm nhưng chưa ghi lý do. Hãy ghi lý do rồi gửi lại.',
    en: '{unit}: criterion {code} has appraised points that differ from the self score but no reason. Write the reason, then send again.',
  },
  /** `field` is the path in result.json, `why` the rule (English, technical). */
  RESULTS_INVALID: {
    code: 'VALIDATION',
    vi: '{unit}: kết quả thẩm định chưa hợp lệ ({field}): {why}',
    en: '{unit}: the appraisal result is not valid ({field}): {why}',
  },
  RESULTS_BLOCK_EMPTY: {
    code: 'VALIDATION',
    vi: 'Không có hồ sơ nào để gửi kết quả thẩm định.',
    en: 'There is no received bundle to send an appraisal result for.',
  },
  RESULTS_EXPORT_CANCELLED: { code: 'CANCELLED', vi: 'Đã hủy xuất gói kết quả thẩm định.', en: 'Appraisal result export cancelled.' },
} as const satisfies Record<string, ReasonText>;
