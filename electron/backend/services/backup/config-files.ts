import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { fsyncDirSync, renameWithRetrySync } from '../../storage/atomic-write';
import type { InventoryEntry } from './evidence-inventory';

/**
 * Small files of the data folder that the database depends on but does not hold: indicator sets the user
 * imported (an assessment made on one cannot be opened without it) and the trust anchors/CRLs used to
 * verify bundles. They travel in the backup file beside the database and the evidence store.
 * A name is accepted only when it matches this pattern: folder from a fixed list, plain file name, known
 * extension, no leading dot (temp files) — so a path built from it can never leave its folder.
 */
export const CONFIG_ENTRY = /^(indicator-sets\/[A-Za-z0-9_@-][A-Za-z0-9._@-]{0,199}\.json|trust\/[A-Za-z0-9_@-][A-Za-z0-9._@-]{0,199}\.(?:pem|crt|cer|der|crl))$/;

const FOLDERS = ['indicator-sets', 'trust'] as const;

export const configInventory = (dataDir: string): InventoryEntry[] => {
  const out: InventoryEntry[] = [];
  for (const folder of FOLDERS) {
    let names: string[] = [];
    try {
      names = readdirSync(join(dataDir, folder));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const path = `${folder}/${name}`;
      const file = join(dataDir, folder, name);
      if (!CONFIG_ENTRY.test(path) || !statSync(file).isFile()) continue;
      const data = readFileSync(file);
      out.push({ path, size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
    }
  }
  return out;
};

/** Moves verified staged config files into the data folder (the restored data's own sets and anchors win). */
export const installConfigFiles = (dataDir: string, staging: string, files: InventoryEntry[]): number => {
  let installed = 0;
  for (const f of files) {
    if (!CONFIG_ENTRY.test(f.path)) continue;
    const [folder, name] = f.path.split('/') as [string, string];
    const dir = join(dataDir, folder);
    mkdirSync(dir, { recursive: true });
    const src = join(staging, folder, name);
    if (!existsSync(src)) continue;
    renameWithRetrySync(src, join(dir, name));
    fsyncDirSync(dir);
    installed++;
  }
  return installed;
};
