import type { ReasonText } from './codes';

/** Failures of the transport, the dispatcher and the operating system, common to every capability. */
export const GENERAL_REASONS = {
  /**
   * Something unexpected was thrown. A handler may have written before it failed (two transactions, a file),
   * so the text claims nothing about the data: it says how to see what is there.
   */
  INTERNAL_ERROR: {
    code: 'INTERNAL',
    vi: 'Đã xảy ra lỗi không mong muốn, thao tác có thể chưa hoàn tất. Hãy tải lại trang để xem dữ liệu hiện tại trước khi làm lại; chi tiết lỗi đã được ghi vào nhật ký của ứng dụng.',
    en: 'An unexpected error occurred; the operation may not have completed. Reload the page to see the current data before trying again; the details were written to the application log.',
  },
  /** The handler finished (its writes are committed) but its answer failed the channel's output schema. */
  INTERNAL_RESULT_INVALID: {
    code: 'INTERNAL',
    vi: 'Thao tác đã chạy xong nhưng kết quả trả về không đúng định dạng nên không hiển thị được. Thay đổi có thể đã được lưu: hãy tải lại trang để xem dữ liệu hiện tại trước khi làm lại.',
    en: 'The operation finished but its result had an unexpected form and cannot be shown. The change may have been saved: reload the page to see the current data before trying again.',
  },
  UNKNOWN_CHANNEL: { code: 'UNKNOWN_CHANNEL', vi: 'Yêu cầu không được hỗ trợ.', en: 'This request is not supported.' },
  /** The payload failed its channel's schema: the field and the schema's words (see fields.ts). */
  INVALID_INPUT: {
    code: 'VALIDATION',
    vi: 'Dữ liệu gửi lên không hợp lệ — {field}: {detail}',
    en: 'The data sent is not valid — {field}: {detail}',
  },
  INVALID_INPUT_EMPTY: { code: 'VALIDATION', vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The data sent is not valid' },
  NOT_FROM_APP_WINDOW: {
    code: 'FORBIDDEN',
    vi: 'Yêu cầu không đến từ cửa sổ của ứng dụng.',
    en: 'The request did not come from the application window.',
  },
  MISSING_SESSION_TOKEN: {
    code: 'FORBIDDEN',
    vi: 'Thiếu mã phiên. Hãy mở ứng dụng bằng đường dẫn mà máy chủ cục bộ in ra.',
    en: 'The session code is missing. Open the app with the link the local server printed.',
  },
  LOCAL_SERVER_UNREACHABLE: {
    code: 'IO',
    vi: 'Không kết nối được tới máy chủ cục bộ của ứng dụng.',
    en: 'Cannot reach the application’s local server.',
  },
  DISK_FULL: {
    code: 'DISK_FULL',
    vi: 'Ổ đĩa đã đầy. Hãy giải phóng dung lượng rồi thử lại; dữ liệu trước đó vẫn được giữ nguyên.',
    en: 'The disk is full. Free some space and try again; the data saved before is kept.',
  },
  NO_WRITE_PERMISSION: {
    code: 'PERMISSION_DENIED',
    vi: 'Không có quyền ghi vào thư mục này. Hãy chọn thư mục khác hoặc kiểm tra quyền truy cập.',
    en: 'No permission to write to this folder. Choose another folder or check the access rights.',
  },
  PATH_NOT_FOUND: { code: 'NOT_FOUND', vi: 'Không tìm thấy tệp hoặc thư mục.', en: 'File or folder not found.' },
  DISK_IO_ERROR: {
    code: 'IO',
    vi: 'Lỗi đọc/ghi ổ đĩa. Hãy kiểm tra thiết bị lưu trữ rồi thử lại.',
    en: 'A disk read/write error occurred. Check the storage device and try again.',
  },
  CANCELLED_BY_USER: { code: 'CANCELLED', vi: 'Đã hủy theo yêu cầu', en: 'Cancelled on request' },
  JOB_NOT_FOUND: { code: 'NOT_FOUND', vi: 'Không tìm thấy công việc', en: 'Job not found' },
  JOB_UNFINISHED: { code: 'INTERNAL', vi: 'Công việc không hoàn thành.', en: 'The job did not finish.' },
  NOTHING_PICKED: { code: 'CANCELLED', vi: 'Chưa chọn tệp nào', en: 'No file was chosen' },
  EXPORT_CANCELLED: { code: 'CANCELLED', vi: 'Đã hủy xuất tệp', en: 'Export cancelled' },
  UPLOAD_GONE: { code: 'NOT_FOUND', vi: 'Tệp tải lên không còn tồn tại, hãy chọn lại tệp.', en: 'The uploaded file is gone; choose the file again.' },
  SERVED_FILE_GONE: { code: 'NOT_FOUND', vi: 'Tệp không còn khả dụng, hãy thực hiện lại.', en: 'The file is no longer available; do it again.' },
  EXPORTED_FILE_GONE: {
    code: 'NOT_FOUND',
    vi: 'Không tìm thấy tệp đã xuất của công việc này',
    en: 'The file this job exported was not found',
  },
  /** The web host has no native dialog: the page must upload the file itself. */
  WEB_PICK_BY_UPLOAD: { code: 'UNSUPPORTED', vi: 'Trên trình duyệt, hãy chọn tệp bằng nút tải lên.', en: 'In the browser, choose the file with the upload button.' },
  WEB_ATTACH_BY_UPLOAD: {
    code: 'UNSUPPORTED',
    vi: 'Trên trình duyệt, hãy chọn hoặc kéo thả tệp vào khung đính kèm.',
    en: 'In the browser, choose or drop the files on the attach area.',
  },
  FILE_UNREADABLE: { code: 'BAD_FILE', vi: 'Không đọc được tệp "{name}"', en: 'Cannot read the file "{name}"' },
  FILE_TOO_LARGE_MAX: { code: 'FILE_TOO_LARGE', vi: 'Tệp "{name}" quá lớn (tối đa {max:bytes})', en: 'The file "{name}" is too large (at most {max:bytes})' },
  NOT_A_REGULAR_FILE: { code: 'BAD_FILE', vi: '"{name}" không phải là một tệp thông thường.', en: '"{name}" is not a regular file.' },
  DROPPED_LIST_INVALID: { code: 'VALIDATION', vi: 'Danh sách tệp không hợp lệ.', en: 'The list of files is not valid.' },
  DROPPED_PATH_INVALID: { code: 'BAD_FILE', vi: 'Đường dẫn tệp không hợp lệ.', en: 'The file path is not valid.' },
  DROPPED_UNREADABLE: { code: 'NOT_FOUND', vi: 'Không đọc được tệp {name}.', en: 'Cannot read the file {name}.' },
  DROPPED_TOO_LARGE: { code: 'FILE_TOO_LARGE', vi: 'Tệp "{name}" vượt quá {max:bytes}.', en: 'The file "{name}" exceeds {max:bytes}.' },
  DROP_NOT_TRUSTED: { code: 'FORBIDDEN', vi: 'Yêu cầu không hợp lệ.', en: 'The request is not valid.' },
} as const satisfies Record<string, ReasonText>;
