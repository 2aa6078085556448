import { extname, isAbsolute, join, normalize, relative, sep } from 'node:path';

/**
 * Maps a URL path ("/assets/index-abc.js") to a file under `root`, or null when the request tries to leave
 * it. Used by the app:// protocol and the web host. Decodes once, then rejects anything suspicious before
 * the containment check: NUL bytes, backslashes (Windows separators), drive letters, UNC, and any `..`
 * segment, so "%2e%2e/", "..%2f" and friends are refused rather than normalised into something valid.
 */
export const resolveStaticPath = (root: string, urlPath: string): string | null => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /%[0-9a-f]{2}/i.test(decoded)) return null;
  if (/^[a-z]:/i.test(decoded.replace(/^\/+/, ''))) return null;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  let rel = decoded.replace(/^\/+/, '');
  if (rel === '' || rel.endsWith('/')) rel = `${rel}index.html`;
  const target = normalize(join(root, rel));
  const back = relative(root, target);
  if (!back || back.startsWith('..') || isAbsolute(back) || back.split(sep).includes('..')) return null;
  return target;
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.pdf': 'application/pdf',
  '.jpeg': 'image/jpeg',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.asice': 'application/vnd.etsi.asic-e+zip',
  '.zip': 'application/zip',
};

export const mimeTypeFor = (file: string): string => MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
