#!/usr/bin/env node
// `npm start` needs better-sqlite3 compiled for Electron's ABI, while tests and the web host need the Node
// build that `npm install` made. Rather than rebuilding node_modules back and forth (electron-rebuild also
// falls into the nodedir trap: npx injects npm's nodedir, so the "Electron" build silently gets Node's ABI;
// docs/security.md §7), this builds a second copy of the addon into
// native/better_sqlite3.node, which electron/main loads through better-sqlite3's `nativeBinding` option.
// Needs internet once (Electron's headers); does nothing when the build for this Electron version exists.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
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
execFileSync(
  process.execPath,
  [join(root, 'node_modules/node-gyp/bin/node-gyp.js'), 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'],
  { cwd: work, env, stdio: 'inherit' },
);
mkdirSync(outDir, { recursive: true });
cpSync(join(work, 'build/Release/better_sqlite3.node'), out);
writeFileSync(stamp, `${electronVersion}\n`);
process.stdout.write(`Electron build of better-sqlite3 written to ${out}\n`);
