import { dialog, shell } from 'electron';
import type { BrowserWindow } from 'electron';

import type { FileFilter, HostCapabilities, SettingsStore, Words } from '../backend/host';

/** HostCapabilities backed by native dialogs and the shell. Paths come from the user's own dialog choice. */
export const createElectronHost = (getWindow: () => BrowserWindow | null, settings: SettingsStore): HostCapabilities => {
  // Dialogs speak the language the user chose in the app, read when each one opens.
  const say = (w: Words): string => w[settings.get().language];
  const worded = (filters?: FileFilter[]) => (filters ? { filters: filters.map((f) => ({ name: say(f.name), extensions: f.extensions })) } : {});
  return {
    kind: 'electron',
    settings,
    pickFiles: async ({ title, filters, multiple }) => {
      const win = getWindow();
      const opts = {
        title: say(title),
        properties: multiple ? (['openFile', 'multiSelections'] as const) : (['openFile'] as const),
        ...worded(filters),
      };
      const res = win ? await dialog.showOpenDialog(win, { ...opts, properties: [...opts.properties] }) : await dialog.showOpenDialog({ ...opts, properties: [...opts.properties] });
      return res.canceled ? null : res.filePaths;
    },
    chooseSaveTarget: async ({ title, defaultName, filters }) => {
      const win = getWindow();
      const opts = { title: say(title), defaultPath: defaultName, ...worded(filters) };
      const res = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      return res.canceled || !res.filePath ? null : { path: res.filePath };
    },
    pickFolder: async ({ title }) => {
      const win = getWindow();
      const opts = { title: say(title), properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
      const res = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return res.canceled || !res.filePaths[0] ? null : res.filePaths[0];
    },
    showInFolder: async (path) => shell.showItemInFolder(path),
    // Only ever called with paths the backend produced (evidence store copies, exports).
    openWithSystem: async (path) => {
      const problem = await shell.openPath(path);
      if (problem) throw new Error(problem);
    },
  };
};
