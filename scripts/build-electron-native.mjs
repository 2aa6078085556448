#!/usr/bin/env node
// `npm start` needs better-sqlite3 compiled for Electron's ABI, while tests and the web host need the Node
// build that `npm install` made. Rather than rebuilding node_modules back and forth (electron-rebuild also
// falls into the nodedir trap: npx injects npm's nodedir, so the "Electron" build silently gets Node's ABI;
// docs/security.md §9), this builds a second copy of the addon into
// native/better_sqlite3.node, which electron/main loads through better-sqlite3's `nativeBinding` option.
// Needs internet once (Electron's headers); does nothing when the build for this Electron version exists.
// It runs first in `npm start`, so it also checks that Electron itself is there: when something is missing
// (no Electron binary, no internet for the headers) it prints ONE line saying what, and that
// `npm run start:web` runs the same app offline in the browser — never a stack trace (issue 12).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const OFFLINE = 'Dùng `npm run start:web` để chạy cùng ứng dụng trong trình duyệt, không cần internet.';
const stop = (what) => {
  process.stderr.write(`Không khởi động được bản máy tính (Electron): ${what}. ${OFFLINE}\n`);
  process.exit(1);
};

const electronPkg = join(root, 'node_modules/electron/package.json');
if (!existsSync(electronPkg)) stop('chưa cài gói electron (node_modules/electron)');
const electronVersion = JSON.parse(readFileSync(electronPkg, 'utf8')).version;
// node_modules/electron/index.js finds the binary through path.txt under dist/ (or ELECTRON_OVERRIDE_DIST_PATH);
// without it, `electron .` would try to download it and fail offline with a stack trace.
const pathTxt = join(root, 'node_modules/electron/path.txt');
const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
  ? process.env.ELECTRON_OVERRIDE_DIST_PATH
  : existsSync(pathTxt)
    ? join(root, 'node_modules/electron/dist', readFileSync(pathTxt, 'utf8').trim())
    : null;
if (!binary || !existsSync(binary)) stop(`thiếu tệp chạy Electron ${electronVersion} (cần tải từ internet khi cài đặt: npm rebuild electron)`);
const outDir = join(root, 'native');
const out = join(outDir, 'better_sqlite3.node');
const stamp = join(outDir, 'electron-version.txt');
if (existsSync(out) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === electronVersion) process.exit(0);

const work = join(root, '.cache', 'electron-native', 'better-sqlite3');
rmSync(work, { recursive: true, force: true });
mkdirSync(join(root, '.cache', 'electron-native'), { recursive: true });
cpSync(join(root, 'node_modules/better-sqlite3'), work, { recursive: true, filter: (p) => !p.includes(`${join('better-sqlite3', 'build')}`) });

// npm's own config may point node-gyp at Node's headers (nodedir); an Electron build must not inherit it.
const env = { ...process.env };
for (const k of Object.keys(env)) if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(k)) delete env[k];
process.stdout.write(`Building better-sqlite3 for Electron ${electronVersion} (one time)…\n`);
// The compiler's output goes to a log file: on failure the user gets one line, IT staff the log.
const log = join(root, '.cache', 'electron-native', 'build.log');
try {
  const output = execFileSync(
    process.execPath,
    [join(root, 'node_modules/node-gyp/bin/node-gyp.js'), 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'],
    { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
  );
  writeFileSync(log, output);
} catch (e) {
  writeFileSync(log, `${e.stdout ?? ''}${e.stderr ?? ''}${e.message ?? e}`);
  stop(`không dựng được better-sqlite3 cho Electron ${electronVersion} (lần đầu cần internet để tải headers của Electron; chi tiết: ${log})`);
}
mkdirSync(outDir, { recursive: true });
cpSync(join(work, 'build/Release/better_sqlite3.node'), out);
writeFileSync(stamp, `${electronVersion}\n`);
process.stdout.write(`Electron build of better-sqlite3 written to ${out}\n`);
