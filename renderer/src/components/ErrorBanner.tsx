import { AppFailure } from '../../../shared/ipc/result';

export type ErrorBannerProps = { error: unknown; onDismiss?: () => void };

/** Shows a backend error as its Vietnamese message (never a stack trace). */
export const errorMessage = (error: unknown): string =>
  error instanceof AppFailure ? error.message : error instanceof Error ? error.message : String(error);

export const ErrorBanner = ({ error, onDismiss }: ErrorBannerProps) => {
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      <span>{errorMessage(error)}</span>
      {onDismiss && (
        <button type="button" className="btn-link" onClick={onDismiss} aria-label="Đóng thông báo">
          ×
        </button>
      )}
    </div>
  );
};
