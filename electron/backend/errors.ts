import { AppFailure } from '../../shared/ipc/result';
import type { AppError } from '../../shared/ipc/result';
import type { Logger } from './logger';

/** Failures that come from the OS or SQLite rather than from our own code, by their errno / SQLite code. */
const systemErrorFor = (e: unknown): AppFailure | null => {
  if (!e || typeof e !== 'object') return null;
  const code = (e as { code?: unknown }).code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT') return AppFailure.of('DISK_FULL');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_READONLY') return AppFailure.of('NO_WRITE_PERMISSION');
  if (code === 'ENOENT') return AppFailure.of('PATH_NOT_FOUND');
  if (code === 'EIO' || code === 'SQLITE_IOERR') return AppFailure.of('DISK_IO_ERROR');
  return null;
};

/** Maps anything thrown in the backend to an AppError; unexpected errors are logged and hidden. */
export const toAppError = (e: unknown, logger: Logger): AppError => {
  if (e instanceof AppFailure) return e.toError();
  const system = systemErrorFor(e);
  if (system) return system.toError();
  logger.error('unexpected error', {
    error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
    stack: e instanceof Error ? e.stack : undefined,
  });
  return AppFailure.of('INTERNAL_ERROR').toError();
};
