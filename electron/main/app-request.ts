import { SECURITY_HEADERS } from '../backend/security/csp';
import { mimeTypeFor, resolveStaticPath } from '../backend/security/static-path';
import type { ServedFiles } from '../backend/services/served-files';
import { isAppUrl } from './trusted-url';

export type AppResponse =
  | { status: 200; path: string; headers: Record<string, string> }
  | { status: 403 | 404; headers: Record<string, string> };

/**
 * Decides what an app:// request may read — pure, so tests cover misleading URLs and traversal without
 * Electron. Only app://app/...; the renderer build folder, or a served file id registered by the backend.
 */
export const resolveAppRequest = (rawUrl: string, rendererDir: string, served: Pick<ServedFiles, 'find'>): AppResponse => {
  if (!isAppUrl(rawUrl)) return { status: 403, headers: SECURITY_HEADERS };
  const url = new URL(rawUrl);
  if (url.pathname.startsWith('/__file/')) {
    const f = served.find(decodeURIComponent(url.pathname.slice('/__file/'.length)));
    if (!f) return { status: 404, headers: SECURITY_HEADERS };
    return {
      status: 200,
      path: f.path,
      headers: {
        ...SECURITY_HEADERS,
        'Content-Type': f.mimeType,
        'Content-Disposition': `${f.disposition}; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
        'Cache-Control': 'no-store',
      },
    };
  }
  // url.pathname keeps percent-encoding; resolveStaticPath decodes once and rejects traversal.
  const file = resolveStaticPath(rendererDir, url.pathname);
  if (!file) return { status: 404, headers: SECURITY_HEADERS };
  return { status: 200, path: file, headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(file) } };
};
