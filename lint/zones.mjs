// Where every import of production code runs, and what it may import. Used by the local ESLint rules in
// lint/rules/ (wired in eslint.config.mjs; test/unit/lint-layers.test.ts plants a violation of each).
import { statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Environments: 'either' runs anywhere (browser and Node), 'dom' only in the renderer, 'node' only in a
 * Node process (backend, CLI, web host, workers), 'electron' in Electron's main process, 'preload' in the
 * sandboxed preload (Electron's renderer-side API, no Node modules). 'test' is code that never ships.
 */
export const ALLOWED = {
  either: ['either'],
  dom: ['either', 'dom'],
  node: ['either', 'node'],
  electron: ['either', 'node', 'electron'],
  preload: ['either', 'electron'],
};

/** Folders of production code (most specific first) and the environment each runs in. */
export const ZONES = [
  { dir: 'shared/', env: 'either' },
  { dir: 'renderer/', env: 'dom' },
  { dir: 'electron/main/', env: 'electron' },
  { dir: 'electron/preload/', env: 'preload' },
  { dir: 'electron/backend/', env: 'node' },
  { dir: 'electron/cli/', env: 'node' },
  { dir: 'electron/webhost/', env: 'node' },
  { dir: 'electron/workers/', env: 'node' },
  { dir: 'test/', env: 'test' },
  { dir: 'bench/', env: 'test' },
  { dir: 'scripts/', env: 'test' },
];

/**
 * Every npm package production code may import, by environment. Pure-JS packages that only backend work
 * needs (certificates, XML, zip, PDF, spreadsheets) are 'node' on purpose: they stay out of the renderer's
 * bundle and out of shared/. A package missing here is refused until it is classified.
 */
export const PACKAGES = {
  zod: 'either',
  react: 'dom',
  'react-dom': 'dom',
  'pdfjs-dist': 'dom',
  'better-sqlite3': 'node',
  exceljs: 'node',
  pdfmake: 'node',
  fontkit: 'node',
  '@libpdf/core': 'node',
  'node-forge': 'node',
  pkcs11js: 'node',
  pkijs: 'node',
  asn1js: 'node',
  '@peculiar/x509': 'node',
  'fast-xml-parser': 'node',
  'reflect-metadata': 'node',
  yauzl: 'node',
  saxes: 'node',
  yazl: 'node',
  electron: 'electron',
  'electron-store': 'electron',
};

/** Node's built-in modules by their first segment, so 'fs/promises' and 'stream/web' count as Node too. */
const BUILTINS = new Set(builtinModules.map((m) => m.replace(/^node:/, '').split('/')[0]));

const toPosix = (p) => p.split(sep).join('/');

/** The repository root (this file is lint/zones.mjs), whatever folder ESLint runs from. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The file's path inside the repository ('electron/backend/x.ts'), or null outside it. */
export const repoPath = (file, root = ROOT) => {
  const rel = toPosix(relative(root, file));
  return rel.startsWith('..') ? null : rel;
};

export const zoneOf = (path) => (path === null ? null : (ZONES.find((z) => path.startsWith(z.dir)) ?? null));

/**
 * A memo that forgets after a moment: one lint run resolves the same files thousands of times, while an
 * editor integration that keeps ESLint loaded must still see files that changed.
 */
export const briefMemo = (compute, ttlMs = 2000) => {
  const memo = new Map();
  return (key) => {
    const hit = memo.get(key);
    const now = Date.now();
    if (hit && now - hit.at < ttlMs) return hit.value;
    const value = compute(key);
    memo.set(key, { at: now, value });
    return value;
  };
};

const isFile = (p) => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.mjs', '.js', '.json'];

const resolveBase = briefMemo((base) => {
  if (isFile(base)) return base;
  for (const ext of EXTENSIONS) if (isFile(base + ext)) return base + ext;
  for (const ext of EXTENSIONS) if (isFile(resolve(base, `index${ext}`))) return resolve(base, `index${ext}`);
  return null;
});

/** The file a relative specifier names (as the bundler resolves it), or null. */
export const resolveRelative = (fromFile, spec) => resolveBase(resolve(dirname(fromFile), spec));

/** 'react-dom/client' → 'react-dom', '@libpdf/core/x' → '@libpdf/core'. */
const packageName = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

/**
 * What an import names: { kind: 'file', path } for a relative specifier (path inside the repository),
 * { kind: 'module', env } for a built-in or a classified package, { kind: 'unclassified', name } otherwise.
 */
export const classify = (fromFile, spec) => {
  if (spec.startsWith('.')) {
    const target = resolveRelative(fromFile, spec);
    return target ? { kind: 'file', path: repoPath(target) } : { kind: 'unresolved' };
  }
  const bare = spec.replace(/^node:/, '');
  if (spec.startsWith('node:') || BUILTINS.has(bare.split('/')[0])) return { kind: 'module', env: 'node' };
  const name = packageName(spec);
  return PACKAGES[name] ? { kind: 'module', env: PACKAGES[name] } : { kind: 'unclassified', name };
};

/** Every import of a module AST node: static, re-exports and dynamic import('literal'); type-only ones too. */
export const importVisitors = (onImport) => ({
  ImportDeclaration: (node) => onImport(node, node.source.value),
  ExportNamedDeclaration: (node) => node.source && onImport(node, node.source.value),
  ExportAllDeclaration: (node) => onImport(node, node.source.value),
  ImportExpression: (node) => node.source.type === 'Literal' && typeof node.source.value === 'string' && onImport(node, node.source.value),
});
