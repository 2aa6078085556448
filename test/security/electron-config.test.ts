import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';

import { describe, expect, it, vi } from 'vitest';

import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../electron/backend/security/csp';
import { registerIpc } from '../../electron/main/ipc/register';
import { blockNetwork, denyAllPermissions, hardenSession, hardenWebContents } from '../../electron/main/security';
import { registrationWithoutSenderCheck, senderCheckProblems } from './ipc-assertions';

const ROOT = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    return d.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(d.name) ? [p] : [];
  });

type Listener = (...args: unknown[]) => unknown;
const fakeContents = () => {
  const on = new Map<string, Listener>();
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  return {
    on: (name: string, l: Listener) => on.set(name, l),
    setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => {
      openHandler = h;
    },
    fire: (name: string, ...args: unknown[]) => on.get(name)?.(...args),
    open: (url: string) => openHandler!({ url }),
    has: (name: string) => on.has(name),
  };
};
const navEvent = (url?: string) => ({ preventDefault: vi.fn(), url });

describe('CSP', () => {
  it('is the reviewed policy and csp-evaluator finds nothing MEDIUM+', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; font-src 'self'; " +
        "connect-src 'self'; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    // The same evaluator electronegativity's CSP_GLOBAL_CHECK uses (it cannot read our joined header).
    const csp = require('@doyensec/csp-evaluator') as {
      CspParser: new (s: string) => { csp: unknown };
      CspEvaluator: new (c: unknown, v: unknown) => { evaluate: () => Array<{ severity: number; description: string }> };
      Version: { CSP3: unknown };
      severities: Record<string, number>;
    };
    const evaluate = (s: string) => new csp.CspEvaluator(new csp.CspParser(s).csp, csp.Version.CSP3).evaluate();
    const serious = (s: string) => evaluate(s).filter((f) => f.severity <= csp.severities.MEDIUM!);
    expect(serious(CONTENT_SECURITY_POLICY)).toEqual([]);
    // …and the evaluator would notice a weakened policy.
    expect(serious(CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")).length).toBeGreaterThan(0);
  });
});

describe('navigation lock', () => {
  it('denies window.open and every navigation', () => {
    const c = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(c as never, openExternal);
    for (const url of ['app://app/index.html', 'https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const e = navEvent();
      c.fire('will-navigate', e, url);
      expect(e.preventDefault).toHaveBeenCalled();
    }
    for (const url of ['https://evil.example/?next=app://app', 'app://app.evil/', 'app://user@app/', 'data:text/html,x']) {
      const r = navEvent();
      c.fire('will-redirect', r, url);
      expect(r.preventDefault).toHaveBeenCalled();
      const f = navEvent(url);
      c.fire('will-frame-navigate', f);
      expect(f.preventDefault).toHaveBeenCalled();
      expect(c.open(url)).toEqual({ action: 'deny' });
    }
    const w = navEvent();
    c.fire('will-attach-webview', w);
    expect(w.preventDefault).toHaveBeenCalled();
    // An allowlisted https link goes to the system browser, still never to a new Electron window.
    expect(c.open('https://dichvucong.gov.vn/p/home')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://dichvucong.gov.vn/p/home');
  });
});

describe('session', () => {
  it('denies every permission request and check', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: ((...a: unknown[]) => boolean) | undefined;
    denyAllPermissions({ setPermissionRequestHandler: (h: never) => (request = h), setPermissionCheckHandler: (h: never) => (check = h) } as never);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const cb = vi.fn();
      request!({}, p, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(check!({}, p, 'app://app')).toBe(false);
    }
  });

  it('cancels every renderer request except app://', () => {
    let filter: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    blockNetwork({ webRequest: { onBeforeRequest: (f: never) => (filter = f) } } as never);
    const cancelled = (url: string) => {
      let out: boolean | undefined;
      filter!({ url }, (r) => (out = r.cancel));
      return out;
    };
    expect(cancelled('app://app/index.html')).toBe(false);
    for (const u of ['https://example.com/', 'http://127.0.0.1:3000/', 'ws://x/', 'wss://x/', 'ftp://x/', 'file:///etc/passwd', 'app://evil/x']) {
      expect(cancelled(u), u).toBe(true);
    }
  });

  it('cancels downloads the renderer starts', () => {
    const on = new Map<string, Listener>();
    hardenSession({
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
      webRequest: { onBeforeRequest: () => undefined },
      on: (n: string, l: Listener) => on.set(n, l),
    } as never);
    const e = navEvent();
    on.get('will-download')!(e);
    expect(e.preventDefault).toHaveBeenCalled();
  });
});

describe('openExternal', () => {
  it('has exactly one guarded caller', () => {
    const calls = sourceFiles(join(ROOT, 'electron')).flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => /\bopenExternal\s*\(/.test(l) && !/^\s*(\/\/|\*)/.test(l) && /shell\.openExternal/.test(l))
        .map((l) => `${relative(ROOT, f)}: ${l.trim()}`),
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/^electron\/main\/index\.ts: if \(isAllowedExternalUrl\(url\)\) void shell\.openExternal\(url\);$/);
  });
});

describe('preload bridge (E3)', () => {
  it('exposes named functions only: no ipcRenderer, no generic send/on pass-through', () => {
    const src = readFileSync(join(ROOT, 'electron', 'preload', 'index.ts'), 'utf8');
    expect(src).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
    expect(src).not.toMatch(/ipcRenderer\.(on|once|addListener|send|sendSync|postMessage)\s*\(/);
    expect(src).not.toMatch(/\bremote\b/);
    // Every invoke goes through the contract-derived client or the one dropped-files channel.
    const invokes = src.match(/ipcRenderer\.invoke\(([^,]+),/g) ?? [];
    expect(invokes.map((s) => s.replace(/\s+/g, ''))).toEqual(['ipcRenderer.invoke(channel,', "ipcRenderer.invoke('cchc:dropped-files',"]);
  });
});

describe('IPC sender check (rule 2)', () => {
  it('the real registration refuses every untrusted sender on every channel', async () => {
    expect(await senderCheckProblems(registerIpc)).toEqual([]);
  });

  it('the assertion catches a registration whose sender check was removed', async () => {
    const problems = await senderCheckProblems(registrationWithoutSenderCheck);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => /from a foreign origin was not refused with FORBIDDEN/.test(p))).toBe(true);
    expect(problems.some((p) => /reached the backend/.test(p))).toBe(true);
  });
});

describe('preload and processes (E2, E10)', () => {
  it('E2: the preload bundles into ONE CommonJS file whose only require is electron (what a sandboxed preload may load)', async () => {
    const esbuild = await import('esbuild');
    const out = await esbuild.build({
      entryPoints: [join(ROOT, 'electron', 'preload', 'index.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      external: ['electron'],
      logLevel: 'silent',
    });
    expect(out.outputFiles).toHaveLength(1);
    const requires = [...new Set(out.outputFiles[0]!.text.match(/require\("[^"]+"\)/g) ?? [])];
    expect(requires).toEqual(['require("electron")']);
    // …and the real build is configured the same way (one CommonJS file, dependencies inlined).
    const cfg = readFileSync(join(ROOT, 'electron.vite.config.mts'), 'utf8');
    expect(cfg).toMatch(/preload:[\s\S]*format: 'cjs'[\s\S]*externalizeDeps: false/);
  });

  it('E10: the main process never forks Node itself (RunAsNode is off; workers go through one launcher)', () => {
    const offenders = sourceFiles(join(ROOT, 'electron', 'main'))
      .concat(sourceFiles(join(ROOT, 'electron', 'backend')))
      .filter((f) => /^import\s+(?!type)[^;]*from 'node:child_process'/m.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('E10: a package from outside is parsed only in the verification worker; in the backend the in-process verifier checks only files this app has just written', () => {
    // The self-checks of the app's own exports (it signs, then verifies what it wrote before offering it).
    const selfChecks = [
      'electron/backend/services/bundle/export-assessment.ts',
      'electron/backend/services/decisions/final-package.ts',
      'electron/backend/services/reply/export-explanation.ts',
      'electron/backend/services/results/export-results.ts',
      'electron/backend/services/round/export-round.ts',
    ];
    const verifier = /^import\s+(?!type\b)[^;]*from '[./]*(bundle\/)?verify\/(verify-bundle|verify-container|zip-reader)'/m;
    const importers = sourceFiles(join(ROOT, 'electron', 'backend'))
      .map((f) => relative(ROOT, f).split('\\').join('/'))
      .filter((f) => !f.startsWith('electron/backend/services/bundle/verify/'))
      .filter((f) => verifier.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(importers.sort()).toEqual(selfChecks);
  });
});
