import type { Settings, SettingsPatch } from '../../shared/schemas/settings';

export type SettingsStore = {
  get: () => Settings;
  update: (patch: SettingsPatch) => Settings;
};

/**
 * Text the host shows by itself (native dialog titles, file-type names) in both languages: the Electron host
 * shows the one the user chose in the app (host-electron.ts). The web host and the CLI show no dialogs.
 */
export type Words = { vi: string; en: string };

export type FileFilter = { name: Words; extensions: string[] };

/** Where an export should be written. In the web host it is a temp file offered as a download. */
export type SaveTarget = { path: string; downloadId?: string };

/**
 * What differs between the Electron app, the web host and the CLI. Handlers only see this interface, so
 * they never import electron and never receive a file path from the renderer.
 */
export type HostCapabilities = {
  kind: 'electron' | 'web' | 'cli';
  settings: SettingsStore;
  /** Native open dialog (Electron). Returns absolute paths chosen by the user, or null if unsupported/cancelled. */
  pickFiles: (opts: { title: Words; filters?: FileFilter[]; multiple: boolean }) => Promise<string[] | null>;
  /**
   * Native folder dialog (Electron): a folder of packages to import, or one to export many files into. Absent
   * where there are no folders (the web host takes uploads and offers downloads instead). Null if cancelled.
   */
  pickFolder?: (opts: { title: Words }) => Promise<string | null>;
  /** Native save dialog (Electron) or a temp file + download id (web host). Null if cancelled. */
  chooseSaveTarget: (opts: { title: Words; defaultName: string; filters?: FileFilter[] }) => Promise<SaveTarget | null>;
  /** Reveal a file in the system file manager (no-op where impossible). */
  showInFolder: (path: string) => Promise<void>;
  /** Open a stored file in the system's default program (safe shell wrapper). */
  openWithSystem: (path: string) => Promise<void>;
};
