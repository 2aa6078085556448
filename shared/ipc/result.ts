import { z } from 'zod';

/**
 * The closed set of error codes that may cross the IPC / HTTP boundary.
 * Add a code here (with its Vietnamese default message in error-messages.ts) before using it.
 */
export const APP_ERROR_CODES = [
  'VALIDATION', // payload failed the channel's zod schema
  'FORBIDDEN', // wrong sender / token / origin
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED', // assessment is locked (a bundle was produced)
  'PREFLIGHT_FAILED',
  'BAD_FILE', // a file the user chose is unreadable, wrong type or malformed
  'FILE_TOO_LARGE',
  'FILE_CHANGED', // evidence vanished or changed on disk
  'DISK_FULL',
  'PERMISSION_DENIED',
  'IO',
  'CANCELLED',
  'WRONG_PASSWORD',
  'PIN_INCORRECT',
  'PIN_LOCKED',
  'CERT_EXPIRED',
  'CERT_INVALID',
  'TOKEN_ERROR',
  'BUNDLE_INVALID',
  'DB_TOO_NEW',
  'BACKUP_INVALID',
  'UNSUPPORTED', // not available on this host (e.g. a file dialog in the web host)
  'INTERNAL',
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export const appErrorSchema = z.object({
  code: z.enum(APP_ERROR_CODES),
  message: z.string(),
  /** Optional machine-readable details (e.g. validation issues with their paths). */
  details: z.unknown().optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Ok<T> = { ok: true; value: T };
export type Err = { ok: false; error: AppError };
export type Result<T> = Ok<T> | Err;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = (code: AppErrorCode, message: string, details?: unknown): Err => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/**
 * Thrown inside the backend to end a handler with a specific code; the registration layer turns it into
 * an `Err`. Anything else thrown becomes `INTERNAL` (and is logged, never shown raw).
 */
export class AppFailure extends Error {
  readonly code: AppErrorCode;
  readonly details: unknown;
  constructor(code: AppErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppFailure';
    this.code = code;
    this.details = details;
  }

  /** The failure an error envelope describes (the renderer rethrows what crossed the boundary). */
  static fromError(e: AppError): AppFailure {
    return new AppFailure(e.code, e.message, e.details);
  }
}

export const isAppFailure = (e: unknown): e is AppFailure => e instanceof AppFailure;
