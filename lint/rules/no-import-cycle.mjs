import { readFileSync, statSync } from 'node:fs';

import ts from 'typescript';

import { repoPath, resolveRelative } from '../zones.mjs';

/**
 * No import cycle between files, type-only imports included: a cycle through types still ties the files
 * together (neither can be understood, moved or tested alone) and turns into a load-order bug as soon as one
 * of the imports carries a value. Dynamic import() is left out: it loads later, on purpose, and cannot
 * form a load-order cycle.
 *
 * The linted file's own imports come from its AST (so a test can plant one); the files they lead to are
 * read from disk with TypeScript's parser, again only when they change.
 */
const parsed = new Map();

/**
 * Relative static imports and re-exports of a file's text, resolved to absolute paths. TypeScript's
 * pre-processor (a scanner, no full parse) also lists dynamic import('…'); those are dropped here.
 */
const importsOf = (file, text) => {
  const deps = [];
  for (const { fileName: spec, pos } of ts.preProcessFile(text, true, false).importedFiles) {
    if (!spec.startsWith('.') || /\bimport\s*\(\s*$/.test(text.slice(Math.max(0, pos - 40), pos))) continue;
    const target = resolveRelative(file, spec);
    if (target) deps.push(target);
  }
  return deps;
};

/** The same for a file on disk: parsed once, parsed again only when its modification time changes. */
const depsOnDisk = (file) => {
  if (!/\.(ts|tsx|mts|mjs|js)$/.test(file)) return [];
  const hit = parsed.get(file);
  const now = Date.now();
  // Within one lint run nothing changes: skip even the stat for a moment.
  if (hit && now - hit.at < 2000) return hit.deps;
  let mtime;
  try {
    mtime = statSync(file).mtimeMs;
  } catch {
    return [];
  }
  const deps = hit && hit.mtime === mtime ? hit.deps : importsOf(file, readFileSync(file, 'utf8'));
  parsed.set(file, { at: now, mtime, deps });
  return deps;
};

/**
 * The shortest path of files from one of `starts` back to `goal` (both ends included), or null. One
 * breadth-first search per linted file, from all its imports at once.
 */
const pathBack = (starts, goal) => {
  const parent = new Map(starts.map((f) => [f, null]));
  const queue = [...parent.keys()];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i];
    if (file === goal) {
      const trail = [];
      for (let f = file; f !== null; f = parent.get(f)) trail.unshift(f);
      return trail;
    }
    for (const d of depsOnDisk(file)) {
      if (!parent.has(d)) {
        parent.set(d, file);
        queue.push(d);
      }
    }
  }
  return null;
};

export default {
  meta: {
    type: 'problem',
    docs: { description: 'No import cycles, type-only imports included.' },
    schema: [],
    messages: { cycle: 'Import cycle: {{chain}}. Move what both sides need into a module that neither imports.' },
  },
  create(context) {
    const file = context.filename;
    const imports = new Map(); // target file → the first import declaration naming it
    const collect = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = resolveRelative(file, spec);
      if (target && target !== file && !imports.has(target)) imports.set(target, node);
    };
    return {
      ImportDeclaration: collect,
      ExportNamedDeclaration: collect,
      ExportAllDeclaration: collect,
      'Program:exit': () => {
        const trail = imports.size ? pathBack([...imports.keys()], file) : null;
        if (!trail) return;
        const chain = [file, ...trail].map((f) => repoPath(f) ?? f).join(' → ');
        context.report({ node: imports.get(trail[0]), messageId: 'cycle', data: { chain } });
      },
    };
  },
};
