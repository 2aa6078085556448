import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { TrustEntry } from '../../../../shared/ipc/channels/trust';
import { AppFailure } from '../../../../shared/ipc/result';
import { fsyncDirSync, renameWithRetrySync } from '../../storage/atomic-write';
import { checkTrustFile, listTrust, storeTrust } from '../trust/trust-dir';
import type { CheckedTrustFile } from '../trust/trust-dir';
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

const isTrustPath = (path: string): boolean => path.startsWith('trust/');

/**
 * Checks every staged trust file exactly as trust.import does (services/trust/trust-dir.ts checkTrustFile):
 * a leaf certificate, an unreadable or empty file refuses the whole restore before anything is written.
 */
export const checkStagedTrust = (staging: string, files: InventoryEntry[]): CheckedTrustFile[] =>
  files
    .filter((f) => CONFIG_ENTRY.test(f.path) && isTrustPath(f.path))
    .map((f) => {
      const [folder, name] = f.path.split('/') as [string, string];
      const checked = checkTrustFile(new Uint8Array(readFileSync(join(staging, folder, name))));
      if (!('problem' in checked)) return checked;
      if (checked.problem === 'not-a-ca') throw AppFailure.of('BACKUP_TRUST_NOT_A_CA', { entry: f.path, subject: checked.subject });
      throw AppFailure.of('BACKUP_TRUST_UNREADABLE', { entry: f.path });
    });

/** What the restore did to the trust anchors: all of them afterwards, and the fingerprints it added. */
export type TrustChange = { entries: TrustEntry[]; added: string[] };

/**
 * Stores checked trust items under their own fingerprint (never under the backup's file names, so a backup
 * cannot overwrite an anchor with another certificate) and reports what changed.
 */
export const installTrust = (dataDir: string, checked: CheckedTrustFile[]): TrustChange => {
  const before = new Set(listTrust(dataDir).map((e) => e.fingerprint));
  for (const c of checked) storeTrust(dataDir, c);
  const entries = listTrust(dataDir);
  return { entries, added: entries.filter((e) => !before.has(e.fingerprint)).map((e) => e.fingerprint) };
};

/** Moves verified staged indicator sets into the data folder (the restored data's own sets win). */
export const installConfigFiles = (dataDir: string, staging: string, files: InventoryEntry[]): number => {
  let installed = 0;
  for (const f of files) {
    if (!CONFIG_ENTRY.test(f.path) || isTrustPath(f.path)) continue;
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
