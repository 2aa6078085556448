import type { ChannelName, RawApi } from '../../../shared/ipc/contract';
import { buildRawApi } from '../../../shared/ipc/client';
import { errOf } from '../../../shared/ipc/result';
import type { Result } from '../../../shared/ipc/result';

const TOKEN_KEY = 'cchc.webhost.token';
const TOKEN_HEADER = 'x-cchc-token';

/**
 * The web host hands its per-launch token in the URL fragment (never sent to the server in a URL).
 * Keep it for this tab only (sessionStorage) so a reload still works, and remove it from the address bar.
 */
export const takeTokenFromLocation = (): string | null => {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  }
  return sessionStorage.getItem(TOKEN_KEY);
};

const networkError = (): Result<never> => errOf('LOCAL_SERVER_UNREACHABLE');

export const createHttpTransport = (token: string) => {
  const invoke = async (channel: ChannelName, input: unknown): Promise<Result<unknown>> => {
    try {
      const res = await fetch(`/api/call/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input ?? {}),
      });
      return (await res.json()) as Result<unknown>;
    } catch {
      return networkError();
    }
  };

  /** Streams one file to the backend's upload area; answers an opaque upload id (no paths anywhere). */
  const upload = async (file: File): Promise<Result<{ uploadId: string; name: string; size: number }>> => {
    try {
      const res = await fetch('/api/upload', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/octet-stream',
          'x-file-name': encodeURIComponent(file.name),
          [TOKEN_HEADER]: token,
        },
        body: file,
      });
      return (await res.json()) as Result<{ uploadId: string; name: string; size: number }>;
    } catch {
      return networkError();
    }
  };

  /** Fetches a served file (preview/download) by opaque id as a Blob. */
  const fetchFile = async (fileId: string): Promise<Blob> => {
    const res = await fetch(`/api/file/${encodeURIComponent(fileId)}`, { headers: { [TOKEN_HEADER]: token } });
    if (!res.ok) throw new Error('Tệp không còn khả dụng');
    return res.blob();
  };

  const raw: RawApi = buildRawApi(invoke);
  return { raw, upload, fetchFile };
};
