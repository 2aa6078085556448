import type { ReasonText } from './codes';

/** The unit's own work: assessments, answers, survey results, reports, indicator sets. */
export const ASSESSMENT_REASONS = {
  ASSESSMENT_NOT_FOUND: { code: 'NOT_FOUND', vi: 'Không tìm thấy bản tự đánh giá', en: 'Self-assessment not found' },
  ASSESSMENT_LOCKED: {
    code: 'LOCKED',
    vi: 'Bản tự đánh giá đã khóa (đã lập hồ sơ gửi). Hãy tạo bản sửa đổi để chỉnh sửa.',
    en: 'The self-assessment is locked (a bundle was produced). Start a new submission to edit it.',
  },
  /** `assessmentId` lets the UI offer to open the existing one. */
  ASSESSMENT_EXISTS: {
    code: 'CONFLICT',
    vi: 'Đã có bản tự đánh giá năm {year} theo {set}. Mỗi năm chỉ có một bản cho một bộ chỉ số: hãy mở bản đã có; muốn làm lại sau khi đã nộp thì tạo lần nộp mới trong bản đó.',
    en: 'A {year} self-assessment on {set} already exists. There is one per year and indicator set: open the existing one; to start again after submitting, open a new revision in it.',
  },
  UNIT_PROFILE_FIRST: {
    code: 'PREFLIGHT_FAILED',
    vi: 'Hãy khai báo hồ sơ đơn vị trước khi tạo bản tự đánh giá.',
    en: 'Fill in the unit profile before creating a self-assessment.',
  },
  UNIT_PROFILE_BEFORE_REPORT: {
    code: 'PREFLIGHT_FAILED',
    vi: 'Hãy khai báo hồ sơ đơn vị trước khi xuất báo cáo.',
    en: 'Fill in the unit profile before exporting the report.',
  },
  UNIT_PROFILE_BEFORE_BUNDLE: {
    code: 'PREFLIGHT_FAILED',
    vi: 'Hãy khai báo hồ sơ đơn vị trước khi xuất hồ sơ nộp.',
    en: 'Fill in the unit profile before exporting the submission bundle.',
  },
  UNIT_PROFILE_BEFORE_WRITING: {
    code: 'PREFLIGHT_FAILED',
    vi: 'Hãy khai báo hồ sơ đơn vị trước khi soạn báo cáo.',
    en: 'Fill in the unit profile before writing the report.',
  },
  /** `detail` names the empty items in Vietnamese (shared/domain/report/completeness.ts); `count` how many. */
  REPORT_INCOMPLETE: {
    code: 'PREFLIGHT_FAILED',
    vi: '{detail}',
    en: 'The report is not complete: {count} required items are empty. Fill them in on the Report page, or choose “Draft” to export a draft.',
  },
  /** The same for another administrative document (shared/domain/admin-document/fields.ts). */
  DOCUMENT_INCOMPLETE: {
    code: 'PREFLIGHT_FAILED',
    vi: '{detail}',
    en: 'The document is not complete: {count} required fields are empty. Fill them in, or export a draft.',
  },
  /** The date field holds text that is not a day: what is on screen is not what would be saved or printed. */
  DOCUMENT_DATE_INVALID: {
    code: 'VALIDATION',
    vi: 'Ngày ban hành chưa hợp lệ: hãy sửa ô được đánh dấu (dạng ngày/tháng/năm). Chưa lưu, chưa xuất tệp.',
    en: 'The issue date is not valid: correct the marked field (day/month/year). Nothing was saved or exported.',
  },
  PDF_FONTS_MISSING: {
    code: 'IO',
    vi: 'Không tìm thấy phông chữ Tinos (resources/fonts) để tạo tệp PDF; hãy cài lại ứng dụng.',
    en: 'The Tinos font (resources/fonts) needed for PDF files was not found; reinstall the app.',
  },
  SIGNATURE_SLOT_UNKNOWN: {
    code: 'INTERNAL',
    vi: 'Không xác định được vị trí chữ ký trên văn bản',
    en: 'The place of the signature on the document could not be determined',
  },
  SET_NOT_FOR_UNIT_TYPE: {
    code: 'VALIDATION',
    vi: 'Bộ chỉ số này không áp dụng cho loại đơn vị của bạn.',
    en: 'This indicator set does not apply to your type of unit.',
  },
  REVISION_STILL_OPEN: {
    code: 'CONFLICT',
    vi: 'Bản tự đánh giá đang mở để sửa; chỉ tạo lần nộp mới sau khi đã xuất hồ sơ.',
    en: 'The self-assessment is open for editing; a new submission starts only after a bundle was exported.',
  },
  CARRY_FROM_ITSELF: {
    code: 'VALIDATION',
    vi: 'Hãy chọn một bản tự đánh giá khác để chuyển tiếp',
    en: 'Choose another self-assessment to carry answers from',
  },
  CARRY_SETS_UNRELATED: {
    code: 'VALIDATION',
    vi: 'Bộ chỉ số "{next}" không khai báo kế thừa từ bộ chỉ số "{previous}", không thể chuyển tiếp câu trả lời',
    en: 'The indicator set "{next}" does not declare that it follows "{previous}"; answers cannot be carried forward',
  },
  ANSWER_NODE_MISMATCH: { code: 'VALIDATION', vi: 'Mã tiêu chí của câu trả lời không khớp', en: 'The answer’s criterion does not match' },
  NODE_NOT_IN_SET: { code: 'NOT_FOUND', vi: 'Bộ chỉ số không có tiêu chí "{nodeId}"', en: 'The indicator set has no criterion "{nodeId}"' },
  NODE_NOT_A_LEAF: {
    code: 'VALIDATION',
    vi: 'Tiêu chí {code} được tính từ các tiêu chí con, không nhập trực tiếp',
    en: 'Criterion {code} is computed from its sub-criteria and cannot be entered directly',
  },
  NODE_IS_SURVEY: {
    code: 'VALIDATION',
    vi: 'Tiêu chí {code} lấy kết quả điều tra xã hội học, đơn vị không tự chấm',
    en: 'Criterion {code} takes the survey result; the unit does not score it',
  },
  NODE_NA_NOT_ALLOWED: {
    code: 'VALIDATION',
    vi: 'Tiêu chí {code} không được đánh dấu "Không áp dụng"',
    en: 'Criterion {code} cannot be marked "Not applicable"',
  },
  NODE_NOT_SURVEY: {
    code: 'VALIDATION',
    vi: 'Tiêu chí {code} không phải tiêu chí điều tra xã hội học',
    en: 'Criterion {code} is not a survey criterion',
  },
  SURVEY_PERCENT_RANGE: {
    code: 'VALIDATION',
    vi: 'Kết quả của tiêu chí {code} là tỷ lệ phần trăm, phải từ 0 đến 100',
    en: 'The result of criterion {code} is a percentage and must be between 0 and 100',
  },
  SURVEY_SCALE_RANGE: {
    code: 'VALIDATION',
    vi: 'Kết quả của tiêu chí {code} phải từ 0 đến {max:points}',
    en: 'The result of criterion {code} must be between 0 and {max:points}',
  },
  /** A survey sheet the parser refused; `detail` is the parser's Vietnamese sentence. */
  SURVEY_SHEET_INVALID: { code: 'BAD_FILE', vi: '{name}: {detail}', en: '{name}: {detail}' },
  SET_NOT_FOUND: { code: 'NOT_FOUND', vi: 'Không tìm thấy bộ chỉ số "{id}"', en: 'Indicator set "{id}" not found' },
  SET_VERSION_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: 'Không tìm thấy bộ chỉ số "{id}" phiên bản {version}',
    en: 'Indicator set "{id}" version {version} not found',
  },
  SET_FORMAT_UNSUPPORTED: {
    code: 'BAD_FILE',
    vi: 'Chỉ hỗ trợ tệp bộ chỉ số .json hoặc mẫu Excel .xlsx',
    en: 'Only .json indicator set files or the .xlsx Excel template are supported',
  },
  SET_IMPORT_NO_FOLDER: { code: 'UNSUPPORTED', vi: 'Không có thư mục lưu bộ chỉ số nhập vào', en: 'There is no folder for imported indicator sets' },
  SET_SAME_AS_SHIPPED: {
    code: 'CONFLICT',
    vi: 'Bộ chỉ số "{id}" phiên bản {version} trùng với bộ chỉ số có sẵn trong ứng dụng; hãy đặt phiên bản khác.',
    en: 'Indicator set "{id}" version {version} clashes with a set shipped with the app; give it another version.',
  },
  SET_VERSION_CLASH: {
    code: 'CONFLICT',
    vi: 'Đã nhập bộ chỉ số "{id}" phiên bản {version} với nội dung khác; hãy tăng số phiên bản của bộ mới.',
    en: 'Indicator set "{id}" version {version} was already imported with other content; raise the new set’s version.',
  },
  SET_RELOAD_FAILED: {
    code: 'INTERNAL',
    vi: 'Không nạp được bộ chỉ số vừa nhập: {detail}',
    en: 'The imported indicator set could not be loaded: {detail}',
  },
  SET_CHANGED_SINCE_CREATED: {
    code: 'CONFLICT',
    vi: 'Bộ chỉ số đã đổi phiên bản so với khi tạo bản tự đánh giá; hãy chuyển sang bộ chỉ số mới trước khi nộp.',
    en: 'The indicator set changed version since the self-assessment was created; move to the new set before submitting.',
  },
  EVIDENCE_NOT_FOUND: { code: 'NOT_FOUND', vi: 'Không tìm thấy tài liệu kiểm chứng', en: 'Evidence document not found' },
  PREVIEW_PDF_OR_IMAGE: {
    code: 'UNSUPPORTED',
    vi: 'Chỉ xem trước được PDF và ảnh; hãy mở tệp bằng chương trình trên máy.',
    en: 'Only PDFs and images can be previewed; open the file with a program on this computer.',
  },
  EVIDENCE_NOT_INTACT: {
    code: 'FILE_CHANGED',
    vi: 'Tệp "{name}" không còn nguyên vẹn trong kho dữ liệu; hãy đính kèm lại.',
    en: 'The file "{name}" is no longer intact in the data store; attach it again.',
  },
  /** The first finding of the evidence check (with the file's `name`) and how many more files have one. */
  EVIDENCE_CHANGED: { code: 'FILE_CHANGED', vi: '{problem:evidence}', en: '{problem:evidence}' },
  EVIDENCE_CHANGED_MORE: { code: 'FILE_CHANGED', vi: '{problem:evidence} (và {more} tệp khác)', en: '{problem:evidence} (and {more} more files)' },
} as const satisfies Record<string, ReasonText>;
