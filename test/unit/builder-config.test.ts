import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load: (s: string) => unknown };

type Cfg = Record<string, unknown> & {
  files: string[];
  extraResources: Array<{ from: string; to: string }>;
  electronFuses: Record<string, boolean>;
  nsis: Record<string, unknown>;
  win: { target: Array<{ target: string }>; icon: string };
  linux: { target: Array<{ target: string }>; icon: string };
};
const cfg = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Cfg;

/**
 * electron-builder cannot run here (no internet), so the packaging config is checked as data: its schema
 * (electron-builder's own validator) and every security- and installer-relevant value (issue 8 §6).
 */
describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration validation", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (c: unknown, log: { isEnabled: boolean; add: () => void }) => Promise<void>;
    };
    await expect(validateConfiguration(cfg, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
    // …and the validator does reject a misspelt option (so the check above means something).
    await expect(validateConfiguration({ ...cfg, nsis: { ...cfg.nsis, oneClik: false } }, { isEnabled: false, add: () => undefined })).rejects.toThrow(/does not match the API schema/);
  });

  it('identity: app id, product name, pinned Electron version', () => {
    expect(cfg.appId).toBe('vn.gov.haiphong.cchc');
    expect(cfg.productName).toBe('CCHC Tự đánh giá');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string>; productName: string };
    expect(cfg.electronVersion).toBe(pkg.devDependencies.electron);
    expect(pkg.productName).toBe(cfg.productName);
  });

  it('fuses: exactly the hardened set', () => {
    expect(cfg.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('asar on; ships only the built app, never the web host, tests, benchmarks or sources', () => {
    expect(cfg.asar).toBe(true);
    expect(cfg.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    for (const excluded of ['!electron/webhost/**', '!out/**/webhost/**', '!test/**', '!bench/**', '!electron/**', '!**/*.ts']) {
      expect(cfg.files).toContain(excluded);
    }
    // No positive pattern pulls in anything outside out/, package.json and the window icon.
    expect(cfg.files.filter((f) => !f.startsWith('!'))).toEqual(['out/**', 'package.json', 'resources/icons/icon.png']);
    expect(cfg.asarUnpack).toEqual(['**/*.node']);
  });

  it('native modules: no rebuild by electron-builder; resources and the Electron-ABI better_sqlite3.node as extra resources', () => {
    expect(cfg.npmRebuild).toBe(false);
    expect(cfg.nodeGypRebuild).toBe(false);
    expect(cfg.buildDependenciesFromSource).toBe(false);
    expect(cfg.extraResources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'resources', to: 'resources' }),
        { from: 'native/better_sqlite3.node', to: 'native/better_sqlite3.node' },
      ]),
    );
    // Main looks for it exactly there (process.resourcesPath/native/better_sqlite3.node).
    expect(readFileSync(join(ROOT, 'electron', 'main', 'index.ts'), 'utf8')).toContain("join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node')");
  });

  it('Windows: NSIS, assisted, per-user, Vietnamese, lets the user change the folder, keeps data on uninstall', () => {
    expect(cfg.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(cfg.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['vi_VN'],
      language: '1066',
      deleteAppDataOnUninstall: false,
    });
  });

  it('Linux: AppImage and deb', () => {
    expect(cfg.linux.target.map((t) => t.target).sort()).toEqual(['AppImage', 'deb']);
  });

  it('icons exist: a 512×512 PNG and a multi-size ICO with a 256 px entry, both small', () => {
    const png = readFileSync(join(ROOT, cfg.linux.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    const ico = readFileSync(join(ROOT, cfg.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1); // type: icon
    const count = ico.readUInt16LE(4);
    const widths = Array.from({ length: count }, (_, k) => ico[6 + 16 * k] || 256);
    expect(widths).toContain(256);
    expect(widths).toContain(16);
    for (const f of [cfg.linux.icon, cfg.win.icon]) expect(statSync(join(ROOT, f)).size).toBeLessThan(64 * 1024);
  });
});
