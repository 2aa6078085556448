import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dataPaths } from '../../electron/backend/data-dir';
import { startWebHost } from '../../electron/webhost/server';
import type { RunningWebHost } from '../../electron/webhost/server';
import { createTestBackend, makeTempDir } from '../helpers/backend';
import type { TestBackend } from '../helpers/backend';

type Resp = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

/** Raw HTTP so tests can forge Host/Origin headers that fetch() would not let us set. */
const send = (port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Resp> =>
  new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });

let b: TestBackend;
let host: RunningWebHost;
let port: number;
const rendererDir = makeTempDir('cchc-renderer-');

beforeAll(async () => {
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(rendererDir, 'assets', 'a.js'), 'console.log(1)');
  b = createTestBackend();
  host = await startWebHost({ backend: b, rendererDir, uploadsDir: dataPaths(b.dataDir).uploads, uploadCapBytes: 1024 });
  port = Number(new URL(host.origin).port);
});
afterAll(async () => {
  await host.close();
  b.cleanup();
});

const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  send(port, {
    method: 'POST',
    path: `/api/call/${channel}`,
    headers: { 'content-type': 'application/json', host: `127.0.0.1:${port}`, 'x-cchc-token': host.token, ...headers },
    body: JSON.stringify(body),
  });

describe('web host', () => {
  it('listens on 127.0.0.1 only and hands the token in the URL fragment', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers a valid call with the Result envelope', async () => {
    const r = await api('app.info', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { version: expect.any(String) } });
  });

  it('refuses a call without the token, with a wrong token, from a foreign Host or Origin', async () => {
    const noToken = await send(port, { method: 'POST', path: '/api/call/app.info', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noToken.status).toBe(403);
    expect((await api('app.info', {}, { 'x-cchc-token': 'x'.repeat(host.token.length) })).status).toBe(403);
    expect((await api('app.info', {}, { host: `evil.example:${port}` })).status).toBe(403);
    expect((await api('app.info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('app.info', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('refuses text/plain form posts and oversized bodies', async () => {
    expect((await api('app.info', {}, { 'content-type': 'text/plain' })).status).toBe(415);
    const huge = await api('unit.save', { name: 'x'.repeat(3 * 1024 * 1024) });
    expect(huge.status).toBe(413);
  });

  it('rejects an invalid payload as data, in Vietnamese, without reaching the handler', async () => {
    const r = JSON.parse((await api('unit.save', { name: 42 })).body) as { ok: boolean; error: { code: string; message: string } };
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.message).toMatch(/không hợp lệ/);
    expect(JSON.parse((await api('unit.get', {})).body)).toEqual({ ok: true, value: null });
  });

  it('serves the renderer with the CSP header and refuses traversal', async () => {
    const index = await send(port, { path: '/', headers: { host: `127.0.0.1:${port}` } });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/%5c..%5cpackage.json']) {
      const r = await send(port, { path: p, headers: { host: `127.0.0.1:${port}` } });
      expect(r.status, p).toBe(404);
    }
    expect((await send(port, { path: '/', headers: { host: `evil.example:${port}` } })).status).toBe(403);
  });

  it('caps uploads and answers an opaque id for a good one', async () => {
    const headers = { host: `127.0.0.1:${port}`, 'x-cchc-token': host.token, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('Báo cáo.pdf') };
    const big = await send(port, { method: 'POST', path: '/api/upload', headers, body: Buffer.alloc(4096) });
    expect(big.status).toBe(413);
    const small = JSON.parse((await send(port, { method: 'POST', path: '/api/upload', headers, body: Buffer.from('%PDF-1.4') })).body);
    expect(small.ok).toBe(true);
    expect(small.value.name).toBe('Báo cáo.pdf');
    expect(small.value.uploadId).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(small)).not.toContain(b.dataDir);
  });
});
