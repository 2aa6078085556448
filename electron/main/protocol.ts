import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';

import { protocol } from 'electron';

import type { ServedFiles } from '../backend/services/served-files';
import { resolveAppRequest } from './app-request';
import { APP_SCHEME } from './window-options';

/** Must run before app 'ready': app:// behaves like https (secure context, fetch, standard URLs). */
export const registerAppSchemePrivileges = (): void => {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
};

/** Serves the renderer build and backend-registered files over app:// (never file://). */
export const handleAppProtocol = (rendererDir: string, served: ServedFiles): void => {
  protocol.handle(APP_SCHEME, (request) => {
    const decision = resolveAppRequest(request.url, rendererDir, served);
    if (decision.status !== 200) return new Response(null, { status: decision.status, headers: decision.headers });
    try {
      if (!statSync(decision.path).isFile()) return new Response(null, { status: 404, headers: decision.headers });
    } catch {
      return new Response(null, { status: 404, headers: decision.headers });
    }
    const body = Readable.toWeb(createReadStream(decision.path)) as ReadableStream;
    return new Response(body, { status: 200, headers: decision.headers });
  });
};
