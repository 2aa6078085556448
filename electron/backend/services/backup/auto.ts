import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { Db, SqliteRuntime } from '../../db/connection';
import { writeFileAtomicSync } from '../../storage/atomic-write';
import { evidenceInventory } from './evidence-inventory';
import { snapshotDatabaseSync } from './snapshot';

/**
 * Automatic database backups in dataDir/backups: at start-up (when the newest is older than a day),
 * before every migration and before a restore. Each is a `VACUUM INTO` snapshot (never a copy of the
 * live file) with an evidence-store manifest beside it; only the newest KEEP are kept.
 */
export const DEFAULT_KEEP = 10;
export const DAY_MS = 24 * 60 * 60_000;

export const BACKUP_REASONS = ['startup', 'pre-migrate', 'pre-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** cchc-20250808-093000-startup.sqlite (UTC; sorts by name = sorts by time). */
export const AUTO_NAME = /^cchc-(\d{8})-(\d{6})-(startup|pre-migrate|pre-restore)\.sqlite$/;

export type AutoBackup = { name: string; createdAt: string; reason: BackupReason; sizeBytes: number };

const stamp = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

const parseName = (name: string): { createdAt: Date; reason: BackupReason } | null => {
  const m = AUTO_NAME.exec(name);
  if (!m) return null;
  const [, day, time, reason] = m;
  const iso = `${day!.slice(0, 4)}-${day!.slice(4, 6)}-${day!.slice(6, 8)}T${time!.slice(0, 2)}:${time!.slice(2, 4)}:${time!.slice(4, 6)}Z`;
  const createdAt = new Date(iso);
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, reason: reason as BackupReason };
};

/** Automatic backups, newest first. */
export const listAutomaticBackups = (backupsDir: string): AutoBackup[] => {
  let names: string[];
  try {
    names = readdirSync(backupsDir);
  } catch {
    return [];
  }
  const out: AutoBackup[] = [];
  for (const name of names) {
    const p = parseName(name);
    if (!p) continue;
    try {
      out.push({ name, createdAt: p.createdAt.toISOString(), reason: p.reason, sizeBytes: statSync(join(backupsDir, name)).size });
    } catch {
      /* vanished meanwhile */
    }
  }
  return out.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
};

/** Deletes all but the newest `keep` automatic backups (and their evidence manifests). */
export const pruneAutomaticBackups = (backupsDir: string, keep = DEFAULT_KEEP): string[] => {
  const removed: string[] = [];
  for (const b of listAutomaticBackups(backupsDir).slice(Math.max(1, keep))) {
    rmSync(join(backupsDir, b.name), { force: true });
    rmSync(join(backupsDir, `${b.name}.evidence.json`), { force: true });
    removed.push(b.name);
  }
  return removed;
};

export type AutoBackupEnv = { backupsDir: string; dataDir: string; now: () => Date; rt: SqliteRuntime; keep?: number };

/** Takes one automatic backup now (unique name even within the same second) and prunes old ones. */
export const takeAutomaticBackup = (db: Db, env: AutoBackupEnv, reason: BackupReason): AutoBackup => {
  const base = `cchc-${stamp(env.now())}-${reason}.sqlite`;
  let name = base;
  // Two backups in one second (pre-migrate then startup): bump the time part so names stay unique and sorted.
  for (let t = env.now().getTime(); listAutomaticBackups(env.backupsDir).some((b) => b.name === name); ) {
    t += 1000;
    name = `cchc-${stamp(new Date(t))}-${reason}.sqlite`;
  }
  const file = join(env.backupsDir, name);
  const { sizeBytes } = snapshotDatabaseSync(db, file, env.rt);
  // The evidence files the snapshot may refer to (content-addressed, so names are their SHA-256).
  const inventory = evidenceInventory(env.dataDir);
  writeFileAtomicSync(`${file}.evidence.json`, JSON.stringify({ format: 'CCHC-EVIDENCE-INVENTORY/1', database: name, files: inventory }, null, 1));
  pruneAutomaticBackups(env.backupsDir, env.keep ?? DEFAULT_KEEP);
  return { name, createdAt: parseName(name)!.createdAt.toISOString(), reason, sizeBytes };
};

/** Start-up policy: back up once a day (when the newest automatic backup is older than 24 h). */
export const startupBackupIfDue = (db: Db, env: AutoBackupEnv): AutoBackup | null => {
  const newest = listAutomaticBackups(env.backupsDir)[0];
  if (newest && env.now().getTime() - new Date(newest.createdAt).getTime() < DAY_MS) return null;
  return takeAutomaticBackup(db, env, 'startup');
};
