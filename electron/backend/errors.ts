import { AppFailure } from '../../shared/ipc/result';
import type { AppError } from '../../shared/ipc/result';
import type { Logger } from './logger';

/** Vietnamese messages for failures that come from the OS or SQLite rather than from our own code. */
const systemErrorFor = (e: unknown): AppError | null => {
  if (!e || typeof e !== 'object') return null;
  const code = (e as { code?: unknown }).code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT') {
    return {
      code: 'DISK_FULL',
      message: 'Ổ đĩa đã đầy. Hãy giải phóng dung lượng rồi thử lại; dữ liệu trước đó vẫn được giữ nguyên.',
    };
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_READONLY') {
    return {
      code: 'PERMISSION_DENIED',
      message: 'Không có quyền ghi vào thư mục này. Hãy chọn thư mục khác hoặc kiểm tra quyền truy cập.',
    };
  }
  if (code === 'ENOENT') {
    return { code: 'NOT_FOUND', message: 'Không tìm thấy tệp hoặc thư mục.' };
  }
  if (code === 'EIO' || code === 'SQLITE_IOERR') {
    return { code: 'IO', message: 'Lỗi đọc/ghi ổ đĩa. Hãy kiểm tra thiết bị lưu trữ rồi thử lại.' };
  }
  return null;
};

/** Maps anything thrown in the backend to an AppError; unexpected errors are logged and hidden. */
export const toAppError = (e: unknown, logger: Logger): AppError => {
  if (e instanceof AppFailure) {
    return e.details === undefined
      ? { code: e.code, message: e.message }
      : { code: e.code, message: e.message, details: e.details };
  }
  const system = systemErrorFor(e);
  if (system) return system;
  logger.error('unexpected error', {
    error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
    stack: e instanceof Error ? e.stack : undefined,
  });
  return { code: 'INTERNAL', message: 'Đã xảy ra lỗi không mong muốn. Dữ liệu của bạn không bị thay đổi.' };
};
