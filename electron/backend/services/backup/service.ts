import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { AppFailure } from '../../../../shared/ipc/result';
import { step } from '../../../../shared/domain/progress-steps';
import type { BackendContext } from '../../context';
import { dataPaths } from '../../data-dir';
import { currentVersion } from '../../db/migrations/runner';
import { countAssessments } from '../../db/repos/assessment-repo';
import type { JobControl } from '../../jobs';
import { fsyncDirSync, renameWithRetrySync } from '../../storage/atomic-write';
import { readBackupArchive } from './archive-read';
import { writeBackupArchive } from './archive-write';
import { AUTO_NAME, listAutomaticBackups, takeAutomaticBackup } from './auto';
import type { AutoBackupEnv } from './auto';
import { evidenceInventory } from './evidence-inventory';
import { backupFaults } from './faults';
import { DATABASE_ENTRY } from './manifest';
import { prepareStagedDatabase, replaceDatabaseContents } from './replace-db';
import { snapshotDatabase } from './snapshot';
import { checkStagedTrust, configInventory, installConfigFiles, installTrust } from './config-files';
import type { TrustChange } from './config-files';
import type { InventoryEntry } from './evidence-inventory';

export const autoEnv = (ctx: BackendContext): AutoBackupEnv => ({
  backupsDir: dataPaths(ctx.dataDir).backups,
  dataDir: ctx.dataDir,
  now: ctx.now,
  rt: ctx.sqlite,
  keep: ctx.backupKeep,
});

const stagingDir = (ctx: BackendContext, kind: string): string => {
  const dir = join(dataPaths(ctx.dataDir).tmp, `${kind}-${process.pid}-${randomBytes(6).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

export const defaultBackupName = (now: Date): string => {
  const d = now.toISOString();
  return `cchc-sao-luu-${d.slice(0, 10).replace(/-/g, '')}-${d.slice(11, 16).replace(':', '')}.cchcbak`;
};

export type CreatedBackup = { sizeBytes: number; evidenceFiles: number; createdAt: string };

/** "Sao lưu": one verified file with the database snapshot and every evidence file. */
export const createBackupFile = async (ctx: BackendContext, target: string, ctl?: JobControl): Promise<CreatedBackup> => {
  const rt = ctx.sqlite;
  const staging = stagingDir(ctx, 'backup');
  try {
    const snap = join(staging, DATABASE_ENTRY);
    ctl?.progress(0, 3, step('BACKUP_SNAPSHOT'));
    await snapshotDatabase(ctx.db, snap, rt);
    const evidence = evidenceInventory(ctx.dataDir);
    const createdAt = ctx.now();
    const { sizeBytes } = await writeBackupArchive(
      target,
      {
        databaseFile: snap,
        schemaVersion: currentVersion(ctx.db),
        appVersion: ctx.appVersion,
        createdAt,
        evidenceRoot: dataPaths(ctx.dataDir).evidence,
        evidence,
        dataDir: ctx.dataDir,
        files: configInventory(ctx.dataDir),
      },
      ctl,
    );
    return { sizeBytes, evidenceFiles: evidence.length, createdAt: createdAt.toISOString() };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
};

/** Moves verified evidence files from staging into the content-addressed store (existing ones are identical). */
const installEvidence = (ctx: BackendContext, staging: string, files: Array<{ sha256: string; size: number }>): number => {
  let added = 0;
  for (const f of files) {
    const rel = join(f.sha256.slice(0, 2), f.sha256.slice(2, 4), f.sha256);
    const final = join(dataPaths(ctx.dataDir).evidence, rel);
    if (existsSync(final) && statSync(final).size === f.size) continue;
    mkdirSync(dirname(final), { recursive: true });
    const src = join(staging, 'evidence', rel);
    chmodSync(src, 0o444);
    renameWithRetrySync(src, final);
    fsyncDirSync(dirname(final));
    added++;
  }
  return added;
};

export type RestoreSource = { kind: 'file'; path: string } | { kind: 'automatic'; name: string };
export type RestoredBackup = {
  source: 'file' | 'automatic';
  createdAt: string;
  assessments: number;
  evidenceFiles: number;
  safetyBackup: string;
  trust: TrustChange;
};

/**
 * "Khôi phục": stage → verify → swap. Everything is extracted into tmp/restore-…/ and verified (archive
 * hashes, SQLite integrity, our schema, migrated to this version) BEFORE the live data is touched; a
 * corrupt or foreign file is refused with BACKUP_INVALID and changes nothing: entry sizes and ratios are held
 * to limits before anything is inflated (archive-limits.ts) and trust files pass trust.import's checks
 * (config-files.ts checkStagedTrust). Then: evidence files are
 * added to the store (append-only, so the current database stays valid), an automatic "pre-restore"
 * backup of the current database is taken, and the database contents are replaced in one transaction;
 * indicator sets and trust anchors are installed last (anchors under their own fingerprint), and the
 * result lists the anchors and which of them the restore added.
 */
export const restoreBackup = async (ctx: BackendContext, source: RestoreSource, ctl?: JobControl): Promise<RestoredBackup> => {
  const rt = ctx.sqlite;
  const staging = stagingDir(ctx, 'restore');
  try {
    let createdAt: string;
    let evidence: Array<{ sha256: string; size: number }> = [];
    let files: InventoryEntry[] = [];
    let checkedTrust: ReturnType<typeof checkStagedTrust> = [];
    const stagedDb = join(staging, DATABASE_ENTRY);
    if (source.kind === 'file') {
      ctl?.progress(0, 4, step('BACKUP_CHECKING'));
      const manifest = await readBackupArchive(source.path, {
        extractTo: staging,
        ...(ctl ? { signal: ctl.signal, onProgress: (d: number, t: number) => ctl.progress(d, t, step('BACKUP_CHECKING')) } : {}),
      });
      createdAt = manifest.createdAt;
      evidence = manifest.evidence;
      files = manifest.files;
      checkedTrust = checkStagedTrust(staging, files);
    } else {
      if (!AUTO_NAME.test(source.name)) throw AppFailure.of('AUTOMATIC_BACKUP_NOT_FOUND');
      const found = listAutomaticBackups(autoEnv(ctx).backupsDir).find((b) => b.name === source.name);
      if (!found) throw AppFailure.of('AUTOMATIC_BACKUP_NOT_FOUND');
      // A closed snapshot file, not the live database: a plain copy is safe here.
      copyFileSync(join(autoEnv(ctx).backupsDir, source.name), stagedDb);
      createdAt = found.createdAt;
    }
    ctl?.throwIfCancelled();
    ctl?.progress(1, 4, step('RESTORE_CHECKING_DATABASE'));
    prepareStagedDatabase(stagedDb, rt);
    backupFaults.beforeSwap?.();
    ctl?.throwIfCancelled();
    ctl?.progress(2, 4, step('RESTORE_EVIDENCE'));
    installEvidence(ctx, staging, evidence);
    ctl?.progress(3, 4, step('RESTORE_SAFETY_BACKUP'));
    const safety = takeAutomaticBackup(ctx.db, autoEnv(ctx), 'pre-restore');
    replaceDatabaseContents(ctx.db, stagedDb);
    installConfigFiles(ctx.dataDir, staging, files);
    const trust = installTrust(ctx.dataDir, checkedTrust);
    ctx.catalog.reload();
    ctl?.progress(4, 4, step('DONE'));
    const assessments = countAssessments(ctx.db);
    return { source: source.kind, createdAt, assessments, evidenceFiles: evidence.length, safetyBackup: safety.name, trust };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
};
