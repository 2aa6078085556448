import type { ReasonText } from './codes';

/** The unit's side after its submission: appraisal result in, giải trình out, final result in. */
export const REPLY_REASONS = {
  /** `check` is the verification or rule code (shared/domain/bundle-codes.ts); nothing was stored. */
  REPLY_REFUSED: {
    code: 'BUNDLE_INVALID',
    vi: 'Gói bị từ chối, không có gì được lưu: {check:bundle}',
    en: 'The package was refused and nothing was stored: {check:bundle}',
  },
  REPLY_UNIT_PROFILE_FIRST: {
    code: 'PREFLIGHT_FAILED',
    vi: 'Hãy khai báo hồ sơ đơn vị (mã, loại đơn vị) trước khi nhập kết quả thẩm định.',
    en: 'Fill in the unit profile (code, type) before importing an appraisal result.',
  },
  REPLY_WRONG_UNIT: {
    code: 'VALIDATION',
    vi: 'Gói này dành cho đơn vị {code}, không phải đơn vị {mine}. Không có gì được lưu.',
    en: 'This package is for unit {code}, not for unit {mine}. Nothing was stored.',
  },
  REPLY_ROUND_FIRST: {
    code: 'PREFLIGHT_FAILED',
    vi: 'Đơn vị chưa nhập gói đợt đánh giá năm {year}. Hãy nhập gói đợt đánh giá trước.',
    en: 'This unit has not imported the {year} round package. Import the round first.',
  },
  REPLY_OTHER_ROUND: {
    code: 'VALIDATION',
    vi: 'Gói thuộc một đợt đánh giá năm {year} khác với đợt đơn vị đã nhập. Không có gì được lưu.',
    en: 'The package belongs to a {year} round other than the one this unit imported. Nothing was stored.',
  },
  REPLY_SUBMISSION_UNKNOWN: {
    code: 'VALIDATION',
    vi: 'Kết quả thẩm định nói về hồ sơ lần {revision} mà đơn vị này không gửi (mã {submissionId}). Không có gì được lưu.',
    en: 'The appraisal result is about submission revision {revision}, which this unit did not send (id {submissionId}). Nothing was stored.',
  },
  REPLY_SET_MISMATCH: {
    code: 'VALIDATION',
    vi: 'Kết quả thẩm định được lập theo bộ chỉ số {set}, không phải bộ chỉ số {mine} mà hồ sơ của đơn vị đã dùng. Không có gì được lưu.',
    en: 'The appraisal result was made with indicator set {set}, not with {mine}, which the unit’s submission used. Nothing was stored.',
  },
  /** A received result's line against the set its submission used (electron/backend/services/reply/result-lines.ts). */
  REPLY_LINE_UNKNOWN: {
    code: 'VALIDATION',
    vi: 'Dòng {line} của gói nêu một tiêu chí không có trong bộ chỉ số mà hồ sơ của đơn vị đã dùng. Không có gì được lưu.',
    en: 'Line {line} of the package names a criterion that is not in the indicator set the unit’s submission used. Nothing was stored.',
  },
  REPLY_LINE_PART: {
    code: 'VALIDATION',
    vi: 'Dòng {line} của gói nằm sai phần điểm: tiêu chí do Sở Nội vụ đo (điều tra xã hội học, chỉ số bên ngoài) và tiêu chí đơn vị tự chấm không được đổi chỗ cho nhau. Không có gì được lưu.',
    en: 'Line {line} of the package is in the wrong part: criteria the Department measures (survey, external index) and criteria the unit scores itself cannot change places. Nothing was stored.',
  },
  REPLY_LINE_KIND: {
    code: 'VALIDATION',
    vi: 'Dòng {line} của gói ghi loại tiêu chí (tự chấm, điểm thưởng, điểm trừ) khác với bộ chỉ số. Không có gì được lưu.',
    en: 'Line {line} of the package gives another kind of criterion (scored, bonus, penalty) than the indicator set. Nothing was stored.',
  },
  REPLY_LINE_MAX: {
    code: 'VALIDATION',
    vi: 'Dòng {line} của gói ghi điểm tối đa khác với bộ chỉ số mà hồ sơ của đơn vị đã dùng. Không có gì được lưu.',
    en: 'Line {line} of the package gives another maximum than the indicator set the unit’s submission used. Nothing was stored.',
  },
  REPLY_RESULT_NOT_FOUND: { code: 'NOT_FOUND', vi: 'Không tìm thấy kết quả thẩm định.', en: 'Appraisal result not found.' },
  REPLY_FINAL_NO_RESULT: {
    code: 'PREFLIGHT_FAILED',
    vi: 'Chưa nhập kết quả thẩm định mà kết quả cuối cùng này khép lại. Hãy nhập gói kết quả thẩm định trước.',
    en: 'The appraisal result this final result closes has not been imported. Import the appraisal result first.',
  },
  REPLY_FINAL_MISMATCH: {
    code: 'VALIDATION',
    vi: 'Kết quả cuối cùng không khớp với kết quả thẩm định đã nhận ({field}). Không có gì được lưu.',
    en: 'The final result does not match the appraisal result received ({field}). Nothing was stored.',
  },
  REPLY_NODE_UNKNOWN: {
    code: 'VALIDATION',
    vi: 'Tiêu chí {nodeId} không có trong kết quả thẩm định mới nhất.',
    en: 'Criterion {nodeId} is not in the latest appraisal result.',
  },
  REPLY_REQUESTED_OVER_MAX: {
    code: 'VALIDATION',
    vi: 'Điểm đề nghị của tiêu chí {code} vượt điểm tối đa {max:points}.',
    en: 'The score requested for criterion {code} is above the maximum {max:points}.',
  },
  REPLY_EVIDENCE_UNKNOWN: {
    code: 'VALIDATION',
    vi: 'Một tài liệu được chọn không còn trong kho tài liệu của bản tự đánh giá hoặc của giải trình.',
    en: 'A chosen document is no longer in the assessment’s library or among the files added for the explanation.',
  },
  REPLY_NOTHING_TO_SEND: {
    code: 'PREFLIGHT_FAILED',
    vi: 'Bản giải trình chưa có tiêu chí nào. Hãy viết giải trình cho ít nhất một tiêu chí.',
    en: 'The explanation has no criterion yet. Write an explanation for at least one criterion.',
  },
  REPLY_WINDOW_NOT_OPEN: {
    code: 'PREFLIGHT_FAILED',
    vi: 'Chưa đến thời hạn giải trình: giải trình được gửi từ ngày {start:date} đến hết ngày {end:date}.',
    en: 'The explanation window has not opened yet: it runs from {start:date} to the end of {end:date}.',
  },
  REPLY_WINDOW_CLOSED: {
    code: 'PREFLIGHT_FAILED',
    vi: 'Đã hết thời hạn giải trình (hết ngày {end:date}). Không thể gửi giải trình nữa.',
    en: 'The explanation window closed at the end of {end:date}. An explanation can no longer be sent.',
  },
  REPLY_ROUND_CLOSED: {
    code: 'CONFLICT',
    vi: 'Sở Nội vụ đã gửi kết quả cuối cùng: đợt đánh giá đã khép lại, không thể gửi giải trình nữa.',
    en: 'The Department of Home Affairs has sent the final result: the round is closed and no explanation can be sent.',
  },
  REPLY_EXPORT_CANCELLED: { code: 'CANCELLED', vi: 'Đã hủy xuất gói giải trình.', en: 'Explanation export cancelled.' },
} as const satisfies Record<string, ReasonText>;
