import { describe, expect, it, vi } from 'vitest';

import { resolveAppRequest } from '../../../electron/main/app-request';
import { registerIpc } from '../../../electron/main/ipc/register';
import type { SenderLike } from '../../../electron/main/ipc/sender-check';
import { isAllowedExternalUrl, isAppUrl } from '../../../electron/main/trusted-url';
import { secureWebPreferences, windowOptions } from '../../../electron/main/window-options';
import { CONTENT_SECURITY_POLICY } from '../../../electron/backend/security/csp';
import { CHANNEL_NAMES } from '../../../shared/ipc/contract';
import { ok } from '../../../shared/ipc/result';

describe('window options', () => {
  it('keep every renderer locked down', () => {
    expect(secureWebPreferences('/p.cjs', true)).toEqual({
      preload: '/p.cjs',
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
      devTools: false,
    });
    expect(windowOptions('/p.cjs', true).webPreferences).toEqual(secureWebPreferences('/p.cjs', true));
  });
});

describe('CSP', () => {
  it('allows only our own origin and no inline script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});

describe('isAppUrl', () => {
  it.each([
    ['app://app/index.html', true],
    ['app://app/', true],
    ['https://evil.example/?next=app://app', false],
    ['app://app.evil/index.html', false],
    ['app://user@app/index.html', false],
    ['app://app:8080/index.html', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>1</script>', false],
    ['http://localhost.evil.example:3001', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
  it('external links: only https on the allowlist', () => {
    expect(isAllowedExternalUrl('https://dichvucong.gov.vn/p/home')).toBe(true);
    for (const u of ['http://dichvucong.gov.vn', 'javascript:alert(1)', 'file:///c:/x', 'smb://host/share', 'ms-msdt:x', 'https://evil.com']) {
      expect(isAllowedExternalUrl(u)).toBe(false);
    }
  });
});

describe('app:// path guard', () => {
  const served = { find: () => undefined };
  it.each([
    // The URL parser already collapses plain and %2e "../" (app:// is a standard scheme): inside the folder.
    ['app://app/../../etc/passwd', 200, '/srv/renderer/etc/passwd'],
    ['app://app/%2e%2e/%2e%2e/etc/passwd', 200, '/srv/renderer/etc/passwd'],
    // Everything else that tries to climb out is refused as not found…
    ['app://app/assets/..%2f..%2fsecret', 404, null],
    ['app://app/%5c..%5csecret', 404, null],
    ['app://app/C:/Windows/win.ini', 404, null],
    ['app://app/%252e%252e/x', 404, null],
    // …and another host or scheme is forbidden.
    ['app://evil/index.html', 403, null],
    ['https://app/index.html', 403, null],
  ] as const)('never leaves the renderer folder: %s → %i', (url, status, path) => {
    const r = resolveAppRequest(url, '/srv/renderer', served);
    expect({ status: r.status, path: r.status === 200 ? r.path : null }).toEqual({ status, path });
  });
  it('serves files inside the renderer folder with the CSP header', () => {
    const r = resolveAppRequest('app://app/assets/index.js', '/srv/renderer', served);
    expect(r.status).toBe(200);
    if (r.status === 200) {
      expect(r.path).toBe('/srv/renderer/assets/index.js');
      expect(r.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});

describe('IPC registration', () => {
  const setup = () => {
    const registered = new Map<string, (event: SenderLike, payload: unknown) => Promise<unknown>>();
    const call = vi.fn(async () => ok('reached'));
    const channels = registerIpc({ handle: (c, l) => registered.set(c, l) }, call, () => 7);
    return { registered, call, channels };
  };
  const trusted: SenderLike = { sender: { id: 7 }, senderFrame: { url: 'app://app/index.html', parent: null } };

  it('registers exactly the contract channels', () => {
    const { channels, registered } = setup();
    expect(channels.sort()).toEqual([...CHANNEL_NAMES].sort());
    expect([...registered.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it.each([
    ['another window', { sender: { id: 8 }, senderFrame: { url: 'app://app/index.html', parent: null } }],
    ['a sub-frame', { sender: { id: 7 }, senderFrame: { url: 'app://app/index.html', parent: {} } }],
    ['a foreign page', { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['no frame', { sender: { id: 7 }, senderFrame: null }],
  ])('refuses calls from %s before the backend sees them', async (_n, event) => {
    const { registered, call } = setup();
    const res = (await registered.get('unit.get')!(event as SenderLike, {})) as { ok: boolean; error: { code: string } };
    expect(res.ok).toBe(false);
    expect(res.error.code).toBe('FORBIDDEN');
    expect(call).not.toHaveBeenCalled();
  });

  it('passes trusted calls on', async () => {
    const { registered, call } = setup();
    await registered.get('unit.get')!(trusted, {});
    expect(call).toHaveBeenCalledWith('unit.get', {});
  });
});
