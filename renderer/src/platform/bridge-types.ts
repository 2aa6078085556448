import type { RawApi } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';

/** What the Electron preload exposes as window.cchc (derived from the contract; nothing else). */
export type PreloadBridge = {
  api: RawApi;
  /** Registers dropped files (path resolved in the preload with webUtils, re-checked by main). */
  registerDroppedFiles: (files: File[]) => Promise<Result<Array<{ uploadId: string; name: string; size: number }>>>;
};

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- global augmentation needs an interface
  interface Window {
    cchc?: PreloadBridge;
  }
}
