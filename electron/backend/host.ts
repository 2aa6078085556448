import type { Settings, SettingsPatch } from '../../shared/schemas/settings';

export type SettingsStore = {
  get: () => Settings;
  update: (patch: SettingsPatch) => Settings;
};

export type FileFilter = { name: string; extensions: string[] };

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
  pickFiles: (opts: { title: string; filters?: FileFilter[]; multiple: boolean }) => Promise<string[] | null>;
  /**
   * Native folder dialog (Electron): a folder of packages to import, or one to export many files into. Absent
   * where there are no folders (the web host takes uploads and offers downloads instead). Null if cancelled.
   */
  pickFolder?: (opts: { title: string }) => Promise<string | null>;
  /** Native save dialog (Electron) or a temp file + download id (web host). Null if cancelled. */
  chooseSaveTarget: (opts: { title: string; defaultName: string; filters?: FileFilter[] }) => Promise<SaveTarget | null>;
  /** Reveal a file in the system file manager (no-op where impossible). */
  showInFolder: (path: string) => Promise<void>;
  /** Open a stored file in the system's default program (safe shell wrapper). */
  openWithSystem: (path: string) => Promise<void>;
};
