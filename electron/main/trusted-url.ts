import { APP_HOST, APP_SCHEME } from './window-options';

/**
 * True only for URLs of our own renderer: scheme app:, host "app", no port, no credentials.
 * Parsed with URL, never prefix-matched: "https://evil/?next=app://app", "app://app.evil" and
 * "app://user@app" must all be false.
 */
export const isAppUrl = (raw: unknown): boolean => {
  if (typeof raw !== 'string' || raw.length > 4096) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
};

/** The only external links the app may open in the system browser (https, fixed hosts). */
const EXTERNAL_ALLOWLIST = new Set(['dichvucong.gov.vn', 'haiphong.gov.vn', 'sonoivu.haiphong.gov.vn']);

export const isAllowedExternalUrl = (raw: unknown): boolean => {
  if (typeof raw !== 'string') return false;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && EXTERNAL_ALLOWLIST.has(url.hostname) && url.username === '' && url.password === '';
  } catch {
    return false;
  }
};
