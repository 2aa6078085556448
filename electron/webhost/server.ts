import { randomBytes } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Backend } from '../backend/backend';
import { SECURITY_HEADERS } from '../backend/security/csp';
import { mimeTypeFor, resolveStaticPath } from '../backend/security/static-path';
import { checkRequest } from './guard';
import { readJsonBody, sendError, sendResult } from './http-util';
import { DEFAULT_UPLOAD_CAP, receiveUpload } from './upload';

export type WebHostOptions = {
  backend: Backend;
  rendererDir: string;
  uploadsDir: string;
  port?: number;
  uploadCapBytes?: number;
  /** Fixed token for tests; otherwise 32 random bytes per launch. */
  token?: string;
};

export type RunningWebHost = { url: string; origin: string; token: string; server: Server; close: () => Promise<void> };

const MAX_JSON_BODY = 2 * 1024 * 1024;

/**
 * Development/e2e transport: serves the built renderer and the contract over HTTP on 127.0.0.1 only.
 * Same dispatcher as Electron IPC; the token + Host/Origin check replaces the IPC sender check.
 * Never packaged into the desktop app.
 */
export const startWebHost = async (opts: WebHostOptions): Promise<RunningWebHost> => {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const tokenBuf = Buffer.from(token, 'utf8');
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  const origin = `http://${host}`;
  const expected = { host, origin, token: tokenBuf };
  const { ctx } = opts.backend;

  const serveFile = (res: ServerResponse, path: string, mime: string, extra: Record<string, string> = {}): void => {
    let size: number;
    try {
      const st = statSync(path);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      sendError(res, 404, 'NOT_FOUND', 'Không tìm thấy');
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': mime, 'Content-Length': size, ...extra });
    createReadStream(path).pipe(res);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname;
    if (path.startsWith('/api/')) {
      const problem = checkRequest(req, expected, true);
      if (problem) return sendError(res, 403, 'FORBIDDEN', problem);
      if (req.method === 'POST' && path.startsWith('/api/call/')) {
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return sendError(res, 415, 'VALIDATION', 'Chỉ chấp nhận JSON');
        }
        const body = await readJsonBody(req, MAX_JSON_BODY);
        if ('error' in body) return sendError(res, 413, 'VALIDATION', 'Dữ liệu gửi lên quá lớn hoặc không phải JSON');
        const channel = decodeURIComponent(path.slice('/api/call/'.length));
        return sendResult(res, await opts.backend.call(channel, body.value));
      }
      if (req.method === 'POST' && path === '/api/upload') {
        if (req.headers['content-type'] !== 'application/octet-stream') {
          return sendError(res, 415, 'VALIDATION', 'Kiểu dữ liệu tải lên không hợp lệ');
        }
        const cap = opts.uploadCapBytes ?? DEFAULT_UPLOAD_CAP;
        const up = await receiveUpload(req, opts.uploadsDir, ctx.uploads, cap);
        if ('error' in up) {
          const msg = up.error === 'too_large' ? 'Tệp vượt quá dung lượng cho phép' : 'Tên tệp không hợp lệ';
          return sendError(res, up.error === 'too_large' ? 413 : 400, up.error === 'too_large' ? 'FILE_TOO_LARGE' : 'BAD_FILE', msg);
        }
        return sendResult(res, { ok: true, value: { uploadId: up.id, name: up.name, size: up.size } });
      }
      if (req.method === 'GET' && path.startsWith('/api/file/')) {
        const f = ctx.served.find(path.slice('/api/file/'.length));
        if (!f) return sendError(res, 404, 'NOT_FOUND', 'Tệp không còn khả dụng');
        const disposition = `${f.disposition}; filename*=UTF-8''${encodeURIComponent(f.fileName)}`;
        return serveFile(res, f.path, f.mimeType, { 'Content-Disposition': disposition, 'Cache-Control': 'no-store' });
      }
      return sendError(res, 404, 'NOT_FOUND', 'Không tìm thấy');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'FORBIDDEN', 'Phương thức không hợp lệ');
    const hostProblem = checkRequest(req, expected, false);
    if (hostProblem) return sendError(res, 403, 'FORBIDDEN', hostProblem);
    const file = resolveStaticPath(opts.rendererDir, path);
    if (!file) return sendError(res, 404, 'NOT_FOUND', 'Không tìm thấy');
    serveFile(res, file, mimeTypeFor(file), { 'Cache-Control': 'no-cache' });
  };

  server.on('request', (req, res) => {
    handle(req, res).catch((e: unknown) => {
      ctx.logger.error('web host request failed', { error: e instanceof Error ? e.message : String(e) });
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'Đã xảy ra lỗi không mong muốn');
      else res.destroy();
    });
  });

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Chromium pre-opens idle keep-alive connections; without this close() waits for their timeout.
        server.closeAllConnections();
      }),
  };
};
