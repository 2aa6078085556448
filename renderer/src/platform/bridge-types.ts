import type { RawApi } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';

/** What the Electron preload exposes as window.cchc (derived from the contract; nothing else). */
export type PreloadBridge = {
  api: RawApi;
  /** Registers dropped files (path resolved in the preload with webUtils, re-checked by main). */
  registerDroppedFiles: (files: File[]) => Promise<Result<Array<{ uploadId: string; name: string; size: number }>>>;
};

declare global {
  interface Window {
    cchc?: PreloadBridge;
  }
}
