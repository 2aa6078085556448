import { errorText, isErrorReason } from '../../../shared/ipc/errors/index';
import type { ErrorParamValues } from '../../../shared/ipc/errors/index';
import { fieldLabel, inputIssueText } from '../../../shared/ipc/errors/validation';
import type { InputIssue } from '../../../shared/ipc/errors/validation';
import { AppFailure } from '../../../shared/ipc/result';
import type { Language } from '../../../shared/schemas/settings';
import { useLang } from '../app/app-context';
import { defineMessages } from '../i18n/messages';

const m = defineMessages({ vi: { dismiss: 'Đóng thông báo' }, en: { dismiss: 'Dismiss' } });

export type ErrorBannerProps = { error: unknown; onDismiss?: () => void };

const firstIssue = (details: unknown): InputIssue | null => {
  const issues = (details as { issues?: unknown } | null)?.issues;
  const first: unknown = Array.isArray(issues) ? issues[0] : null;
  return first && typeof first === 'object' && typeof (first as InputIssue).path === 'string' ? (first as InputIssue) : null;
};

/** A refused payload names its field and rule in the UI language (the backend sent the rule as data). */
const paramsIn = (e: AppFailure, lang: Language): ErrorParamValues => {
  const issue = e.reason === 'INVALID_INPUT' ? firstIssue(e.details) : null;
  return issue ? { ...e.params, field: fieldLabel(issue.path, lang), detail: inputIssueText(issue, lang) } : (e.params ?? {});
};

/**
 * A failure in the UI language: by its reason (shared/ipc/errors/), else its Vietnamese message (a failure
 * without a reason, or text the UI already wrote in its language). Never a stack trace.
 */
export const errorMessage = (error: unknown, lang: Language = 'vi'): string => {
  if (error instanceof AppFailure) return error.reason ? errorText(error.reason, paramsIn(error, lang), lang) : error.message;
  return error instanceof Error ? error.message : String(error);
};

/** The same for a failure that came back as plain fields inside a result (e.g. a file refused among several). */
export const refusalMessage = (r: { code: string; message: string; reason?: string | undefined; params?: ErrorParamValues | undefined }, lang: Language): string =>
  isErrorReason(r.reason) ? errorText(r.reason, r.params ?? {}, lang) : r.message;

export const ErrorBanner = ({ error, onDismiss }: ErrorBannerProps) => {
  const lang = useLang();
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      <span>{errorMessage(error, lang)}</span>
      {onDismiss && (
        <button type="button" className="btn-link" onClick={onDismiss} aria-label={m[lang].dismiss}>
          ×
        </button>
      )}
    </div>
  );
};
