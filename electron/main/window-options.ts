/**
 * BrowserWindow options as plain data, so Node tests can assert every security-relevant value without
 * an Electron binary (see test/unit/electron-shell.test.ts). Changing any of these is a security review.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const secureWebPreferences = (preloadPath: string, isPackaged: boolean) =>
  ({
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: !isPackaged,
  }) as const;

export const windowOptions = (preloadPath: string, isPackaged: boolean, bounds?: { width: number; height: number; x?: number; y?: number }) => ({
  width: bounds?.width ?? 1366,
  height: bounds?.height ?? 768,
  ...(bounds?.x !== undefined ? { x: bounds.x } : {}),
  ...(bounds?.y !== undefined ? { y: bounds.y } : {}),
  minWidth: 1024,
  minHeight: 640,
  show: false,
  title: 'Tự đánh giá Chỉ số CCHC',
  backgroundColor: '#f4f6f9',
  webPreferences: secureWebPreferences(preloadPath, isPackaged),
});
