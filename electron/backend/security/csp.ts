/**
 * Content-Security-Policy sent as a response header by both the app:// protocol and the web host
 * (a <meta> tag cannot set frame-ancestors). No inline scripts, no remote anything.
 * `blob:` for images lets the evidence preview show images fetched through the contract. PDFs are drawn by
 * pdf.js onto canvases (its worker is a 'self' script), never framed (docs/security.md §8).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers added to every static response. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
