import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';

import { createBackend, PROJECT_ROOT } from '../backend/backend';
import type { Backend } from '../backend/backend';
import { createElectronHost } from './host-electron';
import { registerDroppedFiles } from './ipc/dropped-files';
import type { IpcMainLike } from './ipc/register';
import { registerIpc } from './ipc/register';
import { handleAppProtocol, registerAppSchemePrivileges } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { createElectronSettings } from './settings-electron';
import { utilityLauncher } from './utility-launcher';
import { isAllowedExternalUrl } from './trusted-url';
import { APP_ENTRY_URL, windowOptions } from './window-options';

const here = dirname(fileURLToPath(import.meta.url));
let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

const openExternal = (url: string): void => {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
};

/**
 * The Electron-ABI build of better-sqlite3: shipped beside the asar in the packaged app, built into native/
 * by `npm start` (scripts/build-electron-native.mjs) in development. node_modules keeps the Node build.
 */
const nativeBinding = (): string | undefined => {
  const candidate = app.isPackaged
    ? join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node')
    : join(PROJECT_ROOT, 'native', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
};

const createWindow = (): void => {
  const saved = backend?.ctx.host.settings.get().window ?? undefined;
  const win = new BrowserWindow(windowOptions(join(here, '../preload/index.cjs'), app.isPackaged, saved ?? undefined));
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const { width, height, x, y } = win.getNormalBounds();
    backend?.ctx.host.settings.update({ window: { width, height, x, y, maximized: win.isMaximized() } });
  });
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
};

// One instance only: a second launch focuses the first (two processes must never share the database).
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppSchemePrivileges();
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents, openExternal));
  app.on('window-all-closed', () => {
    backend?.close();
    backend = null;
    app.quit();
  });

  void app.whenReady().then(() => {
    const dataDir = process.env.CCHC_DATA_DIR ?? app.getPath('userData');
    try {
      backend = createBackend({
        dataDir,
        host: () => createElectronHost(() => mainWindow, createElectronSettings(dataDir)),
        resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(PROJECT_ROOT, 'resources'),
        ...(nativeBinding() ? { nativeBinding: nativeBinding()! } : {}),
        workerLauncher: utilityLauncher,
      });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      dialog.showErrorBox('Không mở được dữ liệu', `Ứng dụng không mở được cơ sở dữ liệu.\n\n${message}`);
      app.quit();
      return;
    }
    hardenSession(session.defaultSession);
    const b = backend;
    handleAppProtocol(join(here, '../renderer'), b.ctx.served);
    const trustedId = () => mainWindow?.webContents.id ?? null;
    registerIpc(ipcMain as unknown as IpcMainLike, b.call, trustedId);
    registerDroppedFiles(ipcMain as unknown as IpcMainLike, b.ctx.uploads, trustedId);
    createWindow();
  });
}
