import { z } from 'zod';

import { APP_ERROR_CODES, codeOfReason, ERROR_REASONS, errorText } from './errors/index';
import type { AppErrorCode, ErrorParams, ErrorParamValues, ErrorReason, NeedsParams } from './errors/index';

export { APP_ERROR_CODES } from './errors/index';
export type { AppErrorCode } from './errors/index';

/**
 * What a failure looks like when it crosses the IPC / HTTP boundary: a coarse `code` (what kind), a
 * `reason` with `params` (which one, for the UI's translated text, shared/ipc/errors/) and the Vietnamese
 * `message` (logs, the CLI, and the fallback for a failure that has no reason).
 */
export const appErrorSchema = z.object({
  code: z.enum(APP_ERROR_CODES),
  message: z.string(),
  reason: z.enum(ERROR_REASONS).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** Optional machine-readable details (e.g. validation issues with their paths). */
  details: z.unknown().optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Ok<T> = { ok: true; value: T };
export type Err = { ok: false; error: AppError };
export type Result<T> = Ok<T> | Err;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });

/** The error envelope of a reason (the dispatcher and transports answer these without throwing). */
export const errOf = <R extends ErrorReason>(reason: R, ...[params, details]: ReasonArgs<R>): Err => ({
  ok: false,
  error: AppFailure.of(reason, ...([params, details] as ReasonArgs<R>)).toError(),
});

/** `params` are required exactly when the reason's text has placeholders. */
export type ReasonArgs<R extends ErrorReason> = NeedsParams<R> extends false
  ? [params?: ErrorParamValues, details?: unknown]
  : [params: ErrorParams<R>, details?: unknown];

/**
 * Thrown inside the backend to end a handler with a specific reason; the dispatcher turns it into an `Err`.
 * Anything else thrown becomes `INTERNAL` (and is logged, never shown raw).
 */
export class AppFailure extends Error {
  readonly code: AppErrorCode;
  readonly details: unknown;
  readonly reason: ErrorReason | undefined;
  readonly params: ErrorParamValues | undefined;

  /** A failure with no reason of its own: only for relaying one that crossed a process boundary as data. */
  constructor(code: AppErrorCode, message: string, details?: unknown, why?: { reason: ErrorReason; params?: ErrorParamValues }) {
    super(message);
    this.name = 'AppFailure';
    this.code = code;
    this.details = details;
    this.reason = why?.reason;
    this.params = why?.params;
  }

  /** The way to fail: the reason fixes the code, its Vietnamese text becomes the message. */
  static of<R extends ErrorReason>(reason: R, ...[params, details]: ReasonArgs<R>): AppFailure {
    return AppFailure.fromReason(reason, params ?? {}, details);
  }

  /** `of` without the compile-time check of params: for a helper whose own signature already checks them. */
  static fromReason(reason: ErrorReason, params: ErrorParamValues, details?: unknown): AppFailure {
    const hasParams = Object.keys(params).length > 0;
    return new AppFailure(codeOfReason(reason), errorText(reason, params, 'vi'), details, hasParams ? { reason, params } : { reason });
  }

  /** The failure an error envelope describes (the renderer rethrows what crossed the boundary). */
  static fromError(e: AppError): AppFailure {
    return new AppFailure(e.code, e.message, e.details, e.reason ? { reason: e.reason, ...(e.params ? { params: e.params } : {}) } : undefined);
  }

  /** The same failure under another code (when a cause decides what kind of failure it is, e.g. DISK_FULL). */
  withCode(code: AppErrorCode): AppFailure {
    return new AppFailure(code, this.message, this.details, this.reason ? { reason: this.reason, ...(this.params ? { params: this.params } : {}) } : undefined);
  }

  /** The envelope form, for the dispatcher, the job registry and workers. */
  toError(): AppError {
    return {
      code: this.code,
      message: this.message,
      ...(this.reason ? { reason: this.reason } : {}),
      ...(this.params ? { params: { ...this.params } } : {}),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

export const isAppFailure = (e: unknown): e is AppFailure => e instanceof AppFailure;
