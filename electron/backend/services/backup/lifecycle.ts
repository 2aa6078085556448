import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { AppFailure } from '../../../../shared/ipc/result';
import type { BackendContext } from '../../context';
import { dataPaths } from '../../data-dir';
import type { Db } from '../../db/connection';
import { toAppError } from '../../errors';
import type { Logger } from '../../logger';
import { DEFAULT_KEEP, startupBackupIfDue, takeAutomaticBackup } from './auto';
import type { AutoBackupEnv } from './auto';

const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * What a crash mid-backup or mid-restore leaves behind: snapshot temp files in backups/ (".cchc-….tmp-…",
 * never under a final name) and staging folders in tmp/ ("backup-<pid>-…", "restore-<pid>-…") of dead
 * processes. Removed at start-up (one app instance owns the data folder).
 */
export const cleanupBackupLeftovers = (dataDir: string): string[] => {
  const p = dataPaths(dataDir);
  const removed: string[] = [];
  const list = (d: string) => {
    try {
      return readdirSync(d);
    } catch {
      return [];
    }
  };
  for (const n of list(p.backups)) {
    if (/^\.cchc-.*\.tmp-[0-9a-f]+$/.test(n)) {
      rmSync(join(p.backups, n), { force: true });
      removed.push(n);
    }
  }
  for (const n of list(p.tmp)) {
    const m = /^(?:backup|restore)-(\d+)-[0-9a-f]+$/.exec(n);
    if (m && (Number(m[1]) === process.pid ? false : !processAlive(Number(m[1])))) {
      rmSync(join(p.tmp, n), { recursive: true, force: true });
      removed.push(n);
    }
  }
  return removed;
};

export type BackupLifecycleOptions = {
  backupsDir: string;
  dataDir: string;
  logger: Logger;
  now?: () => Date;
  nativeBinding?: string;
  /** How many automatic backups to keep (default 10); false disables automatic backups (CLI one-shots). */
  keep?: number | false;
};

/**
 * The automatic-backup hooks createBackend calls: `beforeMigrate` (a snapshot before any schema change;
 * if it cannot be taken the upgrade is refused, the database stays as it is) and `started` (the daily
 * start-up backup; a failure there is logged, never blocks the app). A brand-new database (schema 0) has
 * nothing to protect and is not backed up.
 */
export const backupLifecycle = (opts: BackupLifecycleOptions) => {
  const enabled = opts.keep !== false;
  const keep = typeof opts.keep === 'number' ? opts.keep : DEFAULT_KEEP;
  const env = (): AutoBackupEnv => ({
    backupsDir: opts.backupsDir,
    dataDir: opts.dataDir,
    now: opts.now ?? (() => new Date()),
    rt: opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {},
    keep,
  });
  let fresh = false;
  return {
    beforeMigrate: (db: Db, from: number, to: number): void => {
      if (from === 0) {
        fresh = true;
        return;
      }
      if (!enabled) return;
      try {
        const b = takeAutomaticBackup(db, env(), 'pre-migrate');
        opts.logger.info('pre-migration backup', { name: b.name, from, to });
      } catch (e) {
        const err = toAppError(e, opts.logger);
        // The code stays the cause's (DISK_FULL, PERMISSION_DENIED…): that is what the user must fix.
        throw AppFailure.of('PRE_MIGRATION_BACKUP_FAILED', { cause: err.message }).withCode(err.code);
      }
    },
    started: (ctx: BackendContext): void => {
      try {
        cleanupBackupLeftovers(opts.dataDir);
      } catch (e) {
        opts.logger.warn('backup leftovers cleanup failed', { error: e instanceof Error ? e.message : String(e) });
      }
      if (!enabled || fresh) return;
      try {
        const b = startupBackupIfDue(ctx.db, env());
        if (b) opts.logger.info('start-up backup', { name: b.name });
      } catch (e) {
        opts.logger.warn('start-up backup failed', { error: toAppError(e, opts.logger).message });
      }
    },
  };
};
