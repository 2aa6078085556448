import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { dataPaths } from '../../data-dir';

export type InventoryEntry = { path: string; sha256: string; size: number };

const HEX2 = /^[0-9a-f]{2}$/;
const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Lists the evidence store (evidence/ab/cd/<sha256>). Only well-formed content addresses count: anything
 * else (stray files, temp leftovers) is not evidence and is never backed up or restored.
 * The SHA-256 is the file's name; archive verification re-hashes the bytes.
 */
export const evidenceInventory = (dataDir: string): InventoryEntry[] => {
  const root = dataPaths(dataDir).evidence;
  const out: InventoryEntry[] = [];
  const dirs = (p: string): string[] => {
    try {
      return readdirSync(p, { withFileTypes: true })
        .filter((d) => d.isDirectory() && HEX2.test(d.name))
        .map((d) => d.name);
    } catch {
      return [];
    }
  };
  for (const a of dirs(root).sort()) {
    for (const b of dirs(join(root, a)).sort()) {
      const folder = join(root, a, b);
      for (const d of readdirSync(folder, { withFileTypes: true })) {
        if (!d.isFile() || !HEX64.test(d.name) || !d.name.startsWith(a + b)) continue;
        out.push({ path: `evidence/${a}/${b}/${d.name}`, sha256: d.name, size: statSync(join(folder, d.name)).size });
      }
    }
  }
  return out.sort((x, y) => (x.path < y.path ? -1 : 1));
};
