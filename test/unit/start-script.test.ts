import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, describe, expect, it } from 'vitest';

/**
 * `npm start` runs scripts/build-electron-native.mjs before `electron .`: with Electron's binary missing or
 * no internet for the native build, it prints ONE line naming what is missing and the offline way
 * (`npm run start:web`), exits 1, and shows no stack trace. Simulated in a scratch project folder.
 */
const SCRIPT = fileURLToPath(new URL('../../scripts/build-electron-native.mjs', import.meta.url));
const OFFLINE = 'Dùng `npm run start:web` để chạy cùng ứng dụng trong trình duyệt, không cần internet.';
let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

const project = (electronFiles: Record<string, string>) => {
  root = mkdtempSync(join(tmpdir(), 'cchc-start-'));
  mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
  writeFileSync(join(root, 'node_modules', 'electron', 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
  for (const [name, text] of Object.entries(electronFiles)) {
    mkdirSync(join(root, 'node_modules', 'electron', name, '..'), { recursive: true });
    writeFileSync(join(root, 'node_modules', 'electron', name), text);
  }
  return root;
};
const start = (cwd: string) => {
  const env = { ...process.env };
  delete env.ELECTRON_OVERRIDE_DIST_PATH;
  const r = spawnSync(process.execPath, [SCRIPT], { cwd, env, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
};

describe('npm start without Electron or internet', () => {
  it('no Electron binary (never downloaded): one line, exit 1', () => {
    const r = start(project({}));
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `Không khởi động được bản máy tính (Electron): thiếu tệp chạy Electron 45.5.0 (cần tải từ internet khi cài đặt: npm rebuild electron). ${OFFLINE}\n`,
    );
  });

  it('Electron present but the native build fails (no headers offline): one line with the log path, no stack trace', () => {
    const cwd = project({ 'path.txt': 'electron', 'dist/electron': '' });
    mkdirSync(join(cwd, 'node_modules', 'better-sqlite3'), { recursive: true });
    writeFileSync(join(cwd, 'node_modules', 'better-sqlite3', 'package.json'), '{}');
    const r = start(cwd);
    expect(r.status).toBe(1);
    const log = join(cwd, '.cache', 'electron-native', 'build.log');
    expect(r.stderr).toBe(
      `Không khởi động được bản máy tính (Electron): không dựng được better-sqlite3 cho Electron 45.5.0 (lần đầu cần internet để tải headers của Electron; chi tiết: ${log}). ${OFFLINE}\n`,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
