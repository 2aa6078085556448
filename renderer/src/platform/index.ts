import { unwrapApi } from '../../../shared/ipc/client';
import type { PlatformApi } from '../../../shared/ipc/contract';
import { AppFailure } from '../../../shared/ipc/result';
import './bridge-types';
import { createHttpTransport, takeTokenFromLocation } from './http-transport';

export type UploadedRef = { uploadId: string; name: string; size: number };

/** Everything the UI may do with the backend. Components get it from usePlatform(); never window/fetch. */
export type Platform = {
  api: PlatformApi;
  kind: 'electron' | 'web';
  /** Hands files picked in an <input type=file> or dropped on the window to the backend → opaque ids. */
  uploadFiles: (files: File[], onProgress?: (done: number, total: number) => void) => Promise<UploadedRef[]>;
  /** URL usable in <img>/<iframe> for a served file id (preview). Revoke with URL.revokeObjectURL when done. */
  fileObjectUrl: (fileId: string) => Promise<string>;
  /** The bytes of a served file (PDF previews are drawn by pdf.js from bytes, never by Chromium's viewer). */
  fileBytes: (fileId: string) => Promise<Uint8Array>;
  /** Triggers a browser download of a served file (web host exports). */
  download: (fileId: string, fileName: string) => Promise<void>;
};

export const createPlatform = (): Platform => {
  const bridge = window.cchc;
  if (bridge) {
    return {
      api: unwrapApi(bridge.api),
      kind: 'electron',
      uploadFiles: async (files) => {
        const res = await bridge.registerDroppedFiles(files);
        if (!res.ok) throw AppFailure.fromError(res.error);
        return res.value;
      },
      fileObjectUrl: async (fileId) => `app://app/__file/${encodeURIComponent(fileId)}`,
      fileBytes: async (fileId) => {
        const res = await fetch(`app://app/__file/${encodeURIComponent(fileId)}`);
        if (!res.ok) throw AppFailure.of('SERVED_FILE_GONE');
        return new Uint8Array(await res.arrayBuffer());
      },
      download: async () => {},
    };
  }
  const token = takeTokenFromLocation();
  if (!token) throw AppFailure.of('MISSING_SESSION_TOKEN');
  const http = createHttpTransport(token);
  return {
    api: unwrapApi(http.raw),
    kind: 'web',
    uploadFiles: async (files, onProgress) => {
      const out: UploadedRef[] = [];
      for (const [i, f] of files.entries()) {
        const res = await http.upload(f);
        if (!res.ok) throw AppFailure.fromError(res.error);
        out.push(res.value);
        onProgress?.(i + 1, files.length);
      }
      return out;
    },
    fileObjectUrl: async (fileId) => URL.createObjectURL(await http.fetchFile(fileId)),
    fileBytes: async (fileId) => new Uint8Array(await (await http.fetchFile(fileId)).arrayBuffer()),
    download: async (fileId, fileName) => {
      const url = URL.createObjectURL(await http.fetchFile(fileId));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  };
};
