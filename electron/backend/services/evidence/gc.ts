import { chmodSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { Db } from '../../db/connection';
import { dataPaths } from '../../data-dir';
import { hasBlobReference } from '../../db/repos/evidence-repo';
import { fsyncDirSync } from '../../storage/atomic-write';
import { isStagingFile } from './staging';
import { inflightTemps, isSha256, storePathFor, TEMP_PREFIX, TEMP_SUFFIX } from './store';

/**
 * Garbage collection of the store. A stored file may be deleted only when NO row in any table listed here
 * points at its sha256. The evidence tables register themselves; a capability whose rows point at stored
 * files registers its table at module load (services/inbox/import-bundle.ts: imported_evidence), so such a
 * file is never collected even after its document is removed.
 */
export type EvidenceReference = { table: string; column: string };

export const EVIDENCE_REFERENCE_TABLES: EvidenceReference[] = [{ table: 'evidence_document', column: 'sha256' }];

const IDENT = /^[a-z_][a-z0-9_]*$/;

export const registerEvidenceReference = (ref: EvidenceReference): void => {
  if (!IDENT.test(ref.table) || !IDENT.test(ref.column)) throw new Error(`bad evidence reference ${ref.table}.${ref.column}`);
  if (!EVIDENCE_REFERENCE_TABLES.some((r) => r.table === ref.table && r.column === ref.column)) EVIDENCE_REFERENCE_TABLES.push(ref);
};

/**
 * True when anything still points at the file. A registered table that does not exist (yet) counts as a
 * reference: when in doubt, keep the file (db/repos/evidence-repo.ts `hasBlobReference`).
 */
export const isBlobReferenced = (db: Db, sha256: string): boolean =>
  EVIDENCE_REFERENCE_TABLES.some((ref) => hasBlobReference(db, ref, sha256));

const removeStoredFile = (path: string): void => {
  try {
    chmodSync(path, 0o644); // stored files are read-only; Windows refuses to delete those
  } catch {
    /* already gone */
  }
  rmSync(path, { force: true });
};

/**
 * Deletes one stored file if nothing references it. Synchronous, so it cannot interleave with an attach's
 * rename + insert (also synchronous). Returns true if the file was removed.
 */
export const deleteBlobIfUnreferenced = (db: Db, dataDir: string, sha256: string): boolean => {
  if (!isSha256(sha256) || isBlobReferenced(db, sha256)) return false;
  const path = storePathFor(dataDir, sha256);
  try {
    statSync(path);
  } catch {
    return false;
  }
  removeStoredFile(path);
  fsyncDirSync(join(path, '..'));
  return true;
};

/**
 * Full sweep of the store (maintenance / startup): removes files no row points at and that are older than
 * the grace period (a file just renamed by another process whose row is about to commit is left alone).
 */
export const sweepStore = (db: Db, dataDir: string, graceMs = 24 * 60 * 60_000, nowMs = Date.now()): string[] => {
  const root = dataPaths(dataDir).evidence;
  const removed: string[] = [];
  const ls = (d: string): string[] => {
    try {
      return readdirSync(d);
    } catch {
      return [];
    }
  };
  for (const a of ls(root)) {
    for (const b of ls(join(root, a))) {
      for (const name of ls(join(root, a, b))) {
        if (!isSha256(name) || name.slice(0, 2) !== a || name.slice(2, 4) !== b) continue;
        const path = join(root, a, b, name);
        let mtimeMs: number;
        try {
          mtimeMs = statSync(path).mtimeMs;
        } catch {
          continue;
        }
        if (nowMs - mtimeMs < graceMs || isBlobReferenced(db, name)) continue;
        removeStoredFile(path);
        removed.push(name);
      }
    }
  }
  return removed;
};

const processAlive = (pid: number): boolean => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Startup cleanup: deletes temp copies left by a crashed or killed attach. A temp file whose writer is
 * still alive (this process's in-flight work, or another live process) is kept.
 */
export const cleanupTempFiles = (dataDir: string): string[] => {
  const tmp = dataPaths(dataDir).tmp;
  const removed: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(tmp);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(TEMP_PREFIX) || !name.endsWith(TEMP_SUFFIX)) continue;
    const path = join(tmp, name);
    const pid = Number(name.slice(TEMP_PREFIX.length).split('-')[0]);
    const mine = pid === process.pid;
    if (mine ? inflightTemps.has(path) || isStagingFile(path) : Number.isInteger(pid) && pid > 0 && processAlive(pid)) continue;
    removeStoredFile(path);
    removed.push(name);
  }
  return removed;
};
