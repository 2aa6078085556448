import { randomBytes } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import { AppFailure } from '../../../../shared/ipc/result';
import { openSideDatabase } from '../../db/connection';
import type { Db, SqliteRuntime } from '../../db/connection';
import { integrityCheck, onlineBackup, vacuumInto } from '../../db/repos/maintenance-repo';
import { fsyncDirSync, renameWithRetrySync } from '../../storage/atomic-write';
import { backupFaults } from './faults';

const tempBeside = (file: string): string => join(dirname(file), `.${basename(file)}.tmp-${randomBytes(6).toString('hex')}`);

/** PRAGMA integrity_check on a closed database file; returns 'ok' or the first problems. */
export const integrityOf = (file: string, rt: SqliteRuntime): string => {
  const db = openSideDatabase(file, rt);
  try {
    return integrityCheck(db).slice(0, 5).join('; ');
  } finally {
    db.close();
  }
};

/**
 * A consistent copy of the live database with `VACUUM INTO` (SQLite reads through the WAL, so recent
 * commits are included — a file copy of the live database would miss them). Synchronous on purpose:
 * it runs before migrations, where nothing else may touch the database. Written under a temp name,
 * checked with integrity_check, then renamed: a crash never leaves a half backup under a final name.
 */
export const snapshotDatabaseSync = (db: Db, file: string, rt: SqliteRuntime): { sizeBytes: number } => {
  const tmp = tempBeside(file);
  try {
    vacuumInto(db, tmp);
    const check = integrityOf(tmp, rt);
    if (check !== 'ok') throw AppFailure.of('BACKUP_NOT_INTACT', { detail: check });
    backupFaults.beforeRename?.(tmp, file);
    renameWithRetrySync(tmp, file);
    fsyncDirSync(dirname(file));
    return { sizeBytes: statSync(file).size };
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
};

/**
 * The same with SQLite's online backup API (stepwise and async, so a large database does not block the
 * event loop). Used by the "Sao lưu" job; the result is integrity-checked before it is used.
 */
export const snapshotDatabase = async (db: Db, file: string, rt: SqliteRuntime): Promise<{ sizeBytes: number }> => {
  if (existsSync(file)) rmSync(file);
  await onlineBackup(db, file);
  const check = integrityOf(file, rt);
  if (check !== 'ok') {
    rmSync(file, { force: true });
    throw AppFailure.of('SNAPSHOT_NOT_INTACT', { detail: check });
  }
  return { sizeBytes: statSync(file).size };
};
