import { contextBridge, ipcRenderer, webUtils } from 'electron';

import { buildRawApi } from '../../shared/ipc/client';
import type { Result } from '../../shared/ipc/result';

/**
 * The whole bridge: named, namespaced functions derived from the contract (window.cchc.api.unit.get…)
 * plus one helper for dropped files. No ipcRenderer, no generic send, no event objects cross over.
 */
const api = buildRawApi((channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>);

contextBridge.exposeInMainWorld('cchc', {
  api,
  registerDroppedFiles: (files: File[]) =>
    ipcRenderer.invoke('cchc:dropped-files', files.map((f) => webUtils.getPathForFile(f))) as Promise<Result<unknown>>,
});
