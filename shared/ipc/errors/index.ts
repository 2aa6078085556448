import type { Language } from '../../schemas/settings';
import type { AppErrorCode } from './codes';
import { REPLY_REASONS } from './reasons-reply';
import { ASSESSMENT_REASONS } from './reasons-assessments';
import { BACKUP_REASONS } from './reasons-backup';
import { BUNDLE_REASONS } from './reasons-bundle';
import { DECISIONS_REASONS } from './reasons-decisions';
import { FILE_REASONS } from './reasons-files';
import { RECEIVING_REASONS } from './reasons-receiving';
import { RESULTS_REASONS } from './reasons-results';
import { ROUND_REASONS } from './reasons-round';
import { GENERAL_REASONS } from './reasons-general';
import { REGISTRY_REASONS } from './reasons-registry';
import { SIGNING_REASONS } from './reasons-signing';
import { textOf } from './text';
import type { ErrorParamValue, ErrorParamValues, Placeholders } from './text';

/**
 * Every reason a failure can give, by area, each with its code and its Vietnamese and English text. The
 * backend throws `AppFailure.of(reason, params)`; the Vietnamese text becomes the message (logs, CLI) and
 * the renderer words the reason in the UI language (renderer/src/components/ErrorBanner.tsx).
 * test/unit/error-reasons.test.ts checks that both languages use the same placeholders and that every
 * reason the backend throws is here.
 */
export const REASON_TABLES = {
  general: GENERAL_REASONS,
  assessments: ASSESSMENT_REASONS,
  files: FILE_REASONS,
  signing: SIGNING_REASONS,
  bundle: BUNDLE_REASONS,
  backup: BACKUP_REASONS,
  registry: REGISTRY_REASONS,
  round: ROUND_REASONS,
  receiving: RECEIVING_REASONS,
  results: RESULTS_REASONS,
  decisions: DECISIONS_REASONS,
  reply: REPLY_REASONS,
} as const;

export const ERROR_REASON_TEXTS = {
  ...GENERAL_REASONS,
  ...ASSESSMENT_REASONS,
  ...FILE_REASONS,
  ...SIGNING_REASONS,
  ...BUNDLE_REASONS,
  ...BACKUP_REASONS,
  ...REGISTRY_REASONS,
  ...ROUND_REASONS,
  ...RECEIVING_REASONS,
  ...RESULTS_REASONS,
  ...DECISIONS_REASONS,
  ...REPLY_REASONS,
} as const;

export type ErrorReason = keyof typeof ERROR_REASON_TEXTS;
export const ERROR_REASONS = Object.keys(ERROR_REASON_TEXTS) as [ErrorReason, ...ErrorReason[]];

type Names<R extends ErrorReason> = Placeholders<(typeof ERROR_REASON_TEXTS)[R]['vi']> | Placeholders<(typeof ERROR_REASON_TEXTS)[R]['en']>;

/**
 * The values a reason's texts need: every placeholder of either language (a language may leave one out,
 * e.g. English gives a count where Vietnamese lists the items). More keys are allowed: a `{x:phrase}` or
 * `{x:evidence}` part reads them too.
 */
export type ErrorParams<R extends ErrorReason> = { readonly [K in Names<R>]: ErrorParamValue } & ErrorParamValues;

/** Whether a reason's text has placeholders (then `AppFailure.of` requires params). */
export type NeedsParams<R extends ErrorReason> = [Names<R>] extends [never] ? false : true;

export const isErrorReason = (v: unknown): v is ErrorReason => typeof v === 'string' && Object.hasOwn(ERROR_REASON_TEXTS, v);

export const codeOfReason = (reason: ErrorReason): AppErrorCode => ERROR_REASON_TEXTS[reason].code;

export const errorText = (reason: ErrorReason, params: ErrorParamValues, lang: Language): string =>
  textOf(ERROR_REASON_TEXTS[reason], params, lang);

export type { AppErrorCode } from './codes';
export { APP_ERROR_CODES } from './codes';
export type { ErrorParamValue, ErrorParamValues } from './text';
export type { Phrase } from './phrases';
