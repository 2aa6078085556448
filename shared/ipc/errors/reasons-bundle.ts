import type { ReasonText } from './codes';

/** The signed bundle: producing it (submission) and receiving it (inbox). */
export const BUNDLE_REASONS = {
  /** `detail` lists the first blocking issues in Vietnamese; the UI's pre-submission page shows them translated. */
  PREFLIGHT_BLOCKED: {
    code: 'PREFLIGHT_FAILED',
    vi: 'Chưa thể xuất hồ sơ: còn {count} lỗi cần sửa. {detail}',
    en: 'The bundle cannot be exported yet: {count} errors remain. The pre-submission check lists them.',
  },
  BUNDLE_NOT_FOUND: { code: 'NOT_FOUND', vi: 'Không tìm thấy hồ sơ nộp này trong lịch sử của bản tự đánh giá.', en: 'This bundle is not in the self-assessment\'s history.' },
  /** An earlier revision's bundle is no longer where it was written (moved or deleted outside the app). */
  BUNDLE_FILE_MISSING: {
    code: 'NOT_FOUND',
    vi: 'Không còn tệp hồ sơ {name} của lần nộp {revision} ở nơi đã lưu: tệp có thể đã bị di chuyển hoặc xóa.',
    en: 'The bundle {name} of submission {revision} is no longer where it was saved: it may have been moved or deleted.',
  },
  BUNDLE_EXPORT_CANCELLED: { code: 'CANCELLED', vi: 'Đã hủy xuất hồ sơ', en: 'Bundle export cancelled' },
  BUNDLE_WRITE_CANCELLED: { code: 'CANCELLED', vi: 'Đã hủy xuất hồ sơ.', en: 'Bundle export cancelled.' },
  BUNDLE_DISK_FULL: {
    code: 'DISK_FULL',
    vi: 'Ổ đĩa đã đầy: không ghi được hồ sơ nộp. Hãy giải phóng dung lượng rồi thử lại.',
    en: 'The disk is full: the submission bundle could not be written. Free some space and try again.',
  },
  BUNDLE_NO_PERMISSION: { code: 'PERMISSION_DENIED', vi: 'Không có quyền ghi vào thư mục đã chọn.', en: 'No permission to write to the chosen folder.' },
  BUNDLE_FOLDER_MISSING: {
    code: 'IO',
    vi: 'Thư mục lưu hồ sơ không tồn tại hoặc không truy cập được.',
    en: 'The folder for the bundle does not exist or cannot be reached.',
  },
  BUNDLE_EVIDENCE_GONE: {
    code: 'FILE_CHANGED',
    vi: 'Một tài liệu kiểm chứng đã bị xóa hoặc thay đổi sau khi đính kèm. Hãy kiểm tra lại tài liệu.',
    en: 'An evidence document was deleted or changed after it was attached. Check the documents.',
  },
  BUNDLE_TARGET_BUSY: { code: 'CONFLICT', vi: 'Đang có một lần xuất hồ sơ khác tới cùng tệp này.', en: 'Another export to the same file is running.' },
  /** `detail` is the operating system's text. */
  BUNDLE_WRITE_FAILED: { code: 'IO', vi: 'Lỗi ghi hồ sơ nộp: {detail}', en: 'Writing the submission bundle failed: {detail}' },
  BUNDLE_EVIDENCE_ALTERED: {
    code: 'FILE_CHANGED',
    vi: 'Tài liệu kiểm chứng «{name}» ({path}) đã bị thay đổi sau khi đính kèm (mã băm không khớp).',
    en: 'Evidence document «{name}» ({path}) changed after it was attached (hash mismatch).',
  },
  BUNDLE_EVIDENCE_ALTERED_PATH: {
    code: 'FILE_CHANGED',
    vi: 'Tài liệu kiểm chứng {path} đã bị thay đổi sau khi đính kèm (mã băm không khớp).',
    en: 'Evidence document {path} changed after it was attached (hash mismatch).',
  },
  BUNDLE_SELF_CHECK_FAILED: {
    code: 'BUNDLE_INVALID',
    vi: 'Hồ sơ vừa tạo không vượt qua kiểm tra: {check:bundle}',
    en: 'The bundle just made failed its own check: {check:bundle}',
  },
  BUNDLE_REFUSED: { code: 'BUNDLE_INVALID', vi: 'Hồ sơ bị từ chối ({check}): {check:bundle}', en: 'Bundle refused ({check}): {check:bundle}' },
  /** An import rule of the receiver (shared/domain/bundle-codes.ts §9); `detail` is data (codes, numbers), not words. */
  BUNDLE_REFUSED_DETAIL: {
    code: 'BUNDLE_INVALID',
    vi: 'Hồ sơ bị từ chối ({check}): {check:bundle} ({detail}). Không có gì được lưu.',
    en: 'Bundle refused ({check}): {check:bundle} ({detail}). Nothing was stored.',
  },
  /** The receiver re-validated an answer with the set's rules (shared/domain/scoring/problems.ts); `problem` is that problem as JSON. */
  BUNDLE_REFUSED_ANSWER: {
    code: 'BUNDLE_INVALID',
    vi: 'Hồ sơ bị từ chối ({check}): tiêu chí {code} ({nodeId}), giá trị {value}: {problem:score}. Không có gì được lưu.',
    en: 'Bundle refused ({check}): criterion {code} ({nodeId}), value {value}: {problem:score}. Nothing was stored.',
  },
  INBOX_SET_MISSING: {
    code: 'NOT_FOUND',
    vi: 'Máy này không còn bộ chỉ số "{id}" phiên bản {version} để tính điểm hồ sơ.',
    en: 'This computer no longer has indicator set "{id}" version {version} to score the bundle.',
  },
  INBOX_IMPORT_NOT_FOUND: { code: 'NOT_FOUND', vi: 'Không tìm thấy hồ sơ đã tiếp nhận', en: 'Received bundle not found' },
  INBOX_EVIDENCE_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: 'Không tìm thấy tài liệu kiểm chứng trong hồ sơ',
    en: 'Evidence document not found in the bundle',
  },
  INBOX_PREVIEW_PDF_OR_IMAGE: { code: 'UNSUPPORTED', vi: 'Chỉ xem trước được PDF và ảnh.', en: 'Only PDFs and images can be previewed.' },
  INBOX_NOT_NEWEST: {
    code: 'CONFLICT',
    vi: 'Đơn vị đã gửi phiên bản {revision} của hồ sơ; hãy thẩm định phiên bản mới nhất.',
    en: 'The unit sent revision {revision} of the bundle; appraise the newest revision.',
  },
  INBOX_LEAF_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: 'Không tìm thấy tiêu chí (hoặc tiêu chí không phải tiêu chí lá)',
    en: 'Criterion not found (or it is not a leaf criterion)',
  },
  APPRAISAL_SURVEY: {
    code: 'VALIDATION',
    vi: 'Điểm điều tra xã hội học không được chấm thẩm định.',
    en: 'Survey points are not appraised.',
  },
  APPRAISAL_NOT_EXACT: {
    code: 'VALIDATION',
    vi: 'Điểm thẩm định phải là số có tối đa 3 chữ số thập phân.',
    en: 'The appraised points must have at most 3 decimals.',
  },
  APPRAISAL_OUT_OF_RANGE: {
    code: 'VALIDATION',
    vi: 'Điểm thẩm định phải nằm trong khoảng từ 0 đến điểm tối đa của tiêu chí.',
    en: 'The appraised points must be between 0 and the criterion’s maximum.',
  },
  /** `code` is the criterion's code; a lowered or raised score is never stored without its reason. */
  APPRAISAL_REASON_REQUIRED: {
    code: 'VALIDATION',
    vi: 'Tiêu chí {code}: điểm thẩm định khác điểm tự đánh giá nên phải ghi lý do (ý kiến thẩm định). Chưa lưu.',
    en: 'Criterion {code}: the appraised points differ from the self score, so a reason (appraiser comment) is required. Not saved.',
  },
} as const satisfies Record<string, ReasonText>;
