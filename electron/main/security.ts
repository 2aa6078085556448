import type { Session, WebContents } from 'electron';

import { isAllowedExternalUrl, isAppUrl } from './trusted-url';

/**
 * Everything that locks the renderer in, in one module (electronegativity's global checks look for these
 * calls; unit tests drive them with fakes). Applied to every web contents the app ever creates.
 */
export const denyAllPermissions = (session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void => {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
};

/** No network from the renderer: only our own app: scheme (and devtools in development). */
export const blockNetwork = (session: Pick<Session, 'webRequest'>): void => {
  session.webRequest.onBeforeRequest((details, callback) => {
    const ok = isAppUrl(details.url) || details.url.startsWith('devtools:') || details.url.startsWith('blob:app://app/');
    callback({ cancel: !ok });
  });
};

export const hardenWebContents = (
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  openExternal: (url: string) => void,
): void => {
  const block = (event: { preventDefault: () => void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => {
    // Even in-app navigation is refused: the renderer routes with the hash, never by loading a page.
    event.preventDefault();
    void url;
  });
  contents.on('will-redirect', block);
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url) && !event.url.startsWith('blob:app://app/')) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
};

export const hardenSession = (session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest' | 'on'>): void => {
  denyAllPermissions(session);
  blockNetwork(session);
  // Downloads are never started by the renderer; main writes exports itself.
  session.on('will-download', (event) => event.preventDefault());
};
