import type { ReasonText } from './codes';

/** The annual round: Sở Nội vụ publishes it (round package), units import it and are bound to it. */
export const ROUND_REASONS = {
  /** `field` is the path in round.json, `why` the rule (English, technical). */
  ROUND_INVALID: {
    code: 'VALIDATION',
    vi: 'Đợt đánh giá chưa hợp lệ ({field}): {why}',
    en: 'The round is not valid ({field}): {why}',
  },
  // The round form's rules (shared/domain/round-form.ts): the editor checks them before sending, the backend again.
  ROUND_YEAR_RANGE: { code: 'VALIDATION', vi: 'Nhập năm đánh giá từ {min} đến {max}.', en: 'Enter an assessment year from {min} to {max}.' },
  ROUND_NO_SET: {
    code: 'VALIDATION',
    vi: 'Chọn bộ chỉ số chính thức cho ít nhất một khối.',
    en: 'Choose the official indicator set of at least one block.',
  },
  ROUND_BLOCK_WITHOUT_SET: {
    code: 'VALIDATION',
    vi: 'Sổ đăng ký năm {year} có đơn vị thuộc khối {block:phrase} nhưng chưa chọn bộ chỉ số chính thức cho khối này. Hãy chọn bộ chỉ số cho khối {block:phrase}.',
    en: 'The {year} register lists units among the {block:phrase}, but no official indicator set is chosen for that block. Choose one for the {block:phrase}.',
  },
  ROUND_DATE_MISSING: { code: 'VALIDATION', vi: 'Hãy nhập {field:phrase}.', en: 'Enter {field:phrase}.' },
  ROUND_DATE_OUTSIDE: {
    code: 'VALIDATION',
    vi: 'Ngày {day:date} ({field:phrase}) phải thuộc năm {year} hoặc năm {next}.',
    en: 'The date {day:date} ({field:phrase}) must fall in {year} or {next}.',
  },
  ROUND_DATE_INVALID: {
    code: 'VALIDATION',
    vi: 'Có ngày chưa hợp lệ: hãy sửa ô được đánh dấu (dạng ngày/tháng/năm) rồi lưu lại. Chưa lưu.',
    en: 'A date is not valid: correct the marked field (day/month/year), then save again. Nothing was saved.',
  },
  ROUND_WINDOW_ORDER: {
    code: 'VALIDATION',
    vi: 'Ngày kết thúc giải trình ({end:date}) đứng trước ngày bắt đầu ({start:date}): hãy sửa một trong hai ngày.',
    en: 'The last day of explanations ({end:date}) comes before the first ({start:date}): correct one of them.',
  },
  /** A set that is not for the block or the year (the editor lists only those that are). */
  ROUND_SET_NOT_FOR: {
    code: 'VALIDATION',
    vi: 'Bộ chỉ số «{id}» không dùng được cho khối {block:phrase} năm {year}.',
    en: 'Indicator set «{id}» cannot be used for the {block:phrase} in {year}.',
  },
  ROUND_NO_REGISTER: {
    code: 'PREFLIGHT_FAILED',
    vi: 'Sổ đăng ký năm {year} chưa có đơn vị nào. Danh sách đơn vị của đợt đánh giá lấy từ sổ đăng ký: hãy mở năm {year} và thêm đơn vị ở trang "Sổ đăng ký" trước.',
    en: 'The {year} register lists no units. A round\'s unit list comes from the register: open {year} and add its units on the "Register" page first.',
  },
  ROUND_NOT_FOUND: { code: 'NOT_FOUND', vi: 'Không tìm thấy đợt đánh giá.', en: 'Round not found.' },
  ROUND_YEAR_TAKEN: {
    code: 'CONFLICT',
    vi: 'Đã có đợt đánh giá năm {year}. Hãy sửa đợt đó thay vì tạo đợt mới.',
    en: 'A round for {year} already exists. Edit it instead of creating another.',
  },
  ROUND_ISSUER_FIRST: {
    code: 'PREFLIGHT_FAILED',
    vi: 'Hãy khai báo hồ sơ đơn vị (Sở Nội vụ: tên, mã) trước khi xuất đợt đánh giá.',
    en: 'Fill in the unit profile (the Department of Home Affairs: name, code) before exporting a round.',
  },
  ROUND_EXPORT_CANCELLED: { code: 'CANCELLED', vi: 'Đã hủy xuất gói đợt đánh giá.', en: 'Round export cancelled.' },
  /** `check` is the verification code (shared/domain/bundle-codes.ts); nothing was stored. */
  ROUND_REFUSED: {
    code: 'BUNDLE_INVALID',
    vi: 'Gói đợt đánh giá bị từ chối, không có gì được lưu: {check:bundle}',
    en: 'The round package was refused and nothing was stored: {check:bundle}',
  },
  ROUND_UNIT_PROFILE_FIRST: {
    code: 'PREFLIGHT_FAILED',
    vi: 'Hãy khai báo hồ sơ đơn vị (mã, loại đơn vị) trước khi nhập đợt đánh giá.',
    en: 'Fill in the unit profile (code, type) before importing a round.',
  },
  ROUND_UNIT_NOT_LISTED: {
    code: 'VALIDATION',
    vi: 'Mã đơn vị {code} không có trong danh sách đơn vị của đợt đánh giá năm {year}. Hãy kiểm tra mã đơn vị hoặc liên hệ Sở Nội vụ.',
    en: 'Unit code {code} is not in the unit list of the {year} round. Check the unit code or contact the Department of Home Affairs.',
  },
  ROUND_UNIT_BLOCK_MISMATCH: {
    code: 'VALIDATION',
    vi: 'Đợt đánh giá xếp đơn vị {code} vào khối {listed:phrase}, khác với loại đơn vị đã khai báo ({declared:phrase}).',
    en: 'The round puts unit {code} among the {listed:phrase}, not the declared type ({declared:phrase}).',
  },
  ROUND_OTHER_FOR_YEAR: {
    code: 'CONFLICT',
    vi: 'Đã nhập một đợt đánh giá khác cho năm {year}. Một năm chỉ có một đợt; hãy liên hệ Sở Nội vụ.',
    en: 'Another round was already imported for {year}. A year has one round; contact the Department of Home Affairs.',
  },
  ROUND_SET_CLASH: {
    code: 'CONFLICT',
    vi: 'Máy đã có bộ chỉ số «{id}» phiên bản {version} với nội dung khác bộ chính thức trong đợt đánh giá. Không có gì được lưu.',
    en: 'This computer has indicator set «{id}» version {version} with content different from the official one in the round. Nothing was stored.',
  },
  ROUND_SET_REQUIRED: {
    code: 'VALIDATION',
    vi: 'Năm {year} đã có đợt đánh giá chính thức: bản tự đánh giá phải dùng bộ chỉ số chính thức «{id}» phiên bản {version}.',
    en: 'The {year} round is official: the self-assessment must use the official set «{id}» version {version}.',
  },
  ROUND_DEADLINE_FIXED: {
    code: 'VALIDATION',
    vi: 'Hạn nộp do đợt đánh giá của Sở Nội vụ quy định ({day:date}), không sửa được.',
    en: 'The deadline is set by the Department of Home Affairs\' round ({day:date}) and cannot be changed.',
  },
} as const satisfies Record<string, ReasonText>;
