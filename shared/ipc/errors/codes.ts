/**
 * The closed set of coarse error codes that may cross the IPC / HTTP boundary (what kind of failure; the
 * reason in ./reasons-*.ts says which one, for the UI's text).
 */
export const APP_ERROR_CODES = [
  'VALIDATION', // payload failed the channel's zod schema, or a rule the schema cannot express
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

/** One reason: its coarse code and its text in both languages, `{name}` / `{name:format}` placeholders. */
export type ReasonText = { code: AppErrorCode; vi: string; en: string };
