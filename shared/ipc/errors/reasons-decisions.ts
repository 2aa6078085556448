import type { ReasonText } from './codes';

/** Sở Nội vụ's decisions on giải trình, the closing of a round and its final results (services/decisions). */
export const DECISIONS_REASONS = {
  DECISIONS_EXPLANATION_NOT_FOUND: { code: 'NOT_FOUND', vi: 'Không tìm thấy giải trình.', en: 'Explanation not found.' },
  DECISIONS_NOT_ACTIVE: {
    code: 'CONFLICT',
    vi: 'Giải trình này đã được thay bằng lần {revision} của đơn vị: hãy quyết định trên lần mới nhất.',
    en: 'This explanation was superseded by the unit\'s revision {revision}: decide on the latest.',
  },
  DECISIONS_NOT_DISPUTED: {
    code: 'VALIDATION',
    vi: 'Tiêu chí {nodeId} không có trong giải trình của đơn vị.',
    en: 'Criterion {nodeId} is not in the unit\'s explanation.',
  },
  DECISIONS_SCORE_RANGE: {
    code: 'VALIDATION',
    vi: 'Điểm mới phải là số chính xác từ 0 đến điểm tối đa {max:points} của tiêu chí.',
    en: 'The new score must be exact, from 0 to the criterion\'s maximum {max:points}.',
  },
  DECISIONS_REASON_REQUIRED: {
    code: 'VALIDATION',
    vi: 'Giữ nguyên điểm thẩm định thì phải chọn lý do và ghi rõ vì sao không chấp nhận giải trình.',
    en: 'Keeping the appraised score needs a reason code and a written reason.',
  },
  DECISIONS_NO_ROUND: { code: 'NOT_FOUND', vi: 'Chưa có đợt đánh giá năm {year}.', en: 'There is no round for {year}.' },
  DECISIONS_NOTHING_TO_CLOSE: {
    code: 'PREFLIGHT_FAILED',
    vi: 'Năm {year} chưa tiếp nhận hồ sơ nào: không có gì để kết thúc.',
    en: 'No submission was received for {year}: nothing to close.',
  },
  DECISIONS_UNDECIDED: {
    code: 'PREFLIGHT_FAILED',
    vi: 'Chưa kết thúc được đợt đánh giá: giải trình của các đơn vị sau còn tiêu chí chưa quyết định: {units}.',
    en: 'The round cannot be closed yet: the explanation of these units still has undecided criteria: {units}.',
  },
  DECISIONS_ROUND_CLOSED: {
    code: 'LOCKED',
    vi: 'Đợt đánh giá năm {year} đã kết thúc: điểm thẩm định và quyết định giải trình chỉ còn xem được.',
    en: 'The {year} round is closed: appraisal scores and decisions are read-only.',
  },
  DECISIONS_NOT_CLOSED: {
    code: 'PREFLIGHT_FAILED',
    vi: 'Đợt đánh giá năm {year} chưa kết thúc: hãy kết thúc đợt trước khi xuất kết quả cuối cùng.',
    en: 'The {year} round is not closed: close it before exporting final results.',
  },
  DECISIONS_UNIT_NOT_CLOSED: {
    code: 'NOT_FOUND',
    vi: 'Đơn vị {code} không có trong kết quả cuối cùng năm {year}.',
    en: 'Unit {code} is not in the final results of {year}.',
  },
  DECISIONS_NO_RESULT: {
    code: 'PREFLIGHT_FAILED',
    vi: 'Chưa phát hành kết quả thẩm định cho đơn vị {code}: gói kết quả cuối cùng dùng mã của kết quả thẩm định đó.',
    en: 'No appraisal result was issued to unit {code}: the final-result package uses that result\'s id.',
  },
  DECISIONS_EVIDENCE_NOT_FOUND: { code: 'NOT_FOUND', vi: 'Không tìm thấy tài liệu kiểm chứng của giải trình.', en: 'Explanation evidence not found.' },
  DECISIONS_EXPORT_CANCELLED: { code: 'CANCELLED', vi: 'Đã hủy xuất kết quả cuối cùng.', en: 'Final result export cancelled.' },
} as const satisfies Record<string, ReasonText>;
