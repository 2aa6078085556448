import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Result } from '../../shared/ipc/result';

export const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
};

export const sendResult = (res: ServerResponse, result: Result<unknown>): void => sendJson(res, 200, result);

export const sendError = (res: ServerResponse, status: number, code: string, message: string): void =>
  sendJson(res, status, { ok: false, error: { code, message } });

/** Reads a JSON body with a hard size cap; resolves undefined when the cap is exceeded or JSON is bad. */
export const readJsonBody = (req: IncomingMessage, maxBytes: number): Promise<{ value: unknown } | { error: string }> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > maxBytes) {
        done = true;
        resolve({ error: 'too_large' });
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      try {
        resolve({ value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      } catch {
        resolve({ error: 'bad_json' });
      }
    });
    req.on('error', () => {
      if (!done) {
        done = true;
        resolve({ error: 'aborted' });
      }
    });
  });
