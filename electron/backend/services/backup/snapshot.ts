import { randomBytes } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import Database from 'better-sqlite3';

import { AppFailure } from '../../../../shared/ipc/result';
import type { Db } from '../../db/connection';
import { fsyncDirSync, renameWithRetrySync } from '../../storage/atomic-write';
import { backupFaults } from './faults';

/** Native binding of better-sqlite3 (Electron ABI in the packaged app), remembered per backend. */
export type SqliteRuntime = { nativeBinding?: string };

const tempBeside = (file: string): string => join(dirname(file), `.${basename(file)}.tmp-${randomBytes(6).toString('hex')}`);

/** Opens a database file that is not the live one (a snapshot, a staged restore), read-only by default. */
export const openSideDatabase = (file: string, rt: SqliteRuntime, readonly = true): Db =>
  new Database(file, { readonly, fileMustExist: true, ...(rt.nativeBinding ? { nativeBinding: rt.nativeBinding } : {}) });

/** PRAGMA integrity_check on a closed database file; returns 'ok' or the first problems. */
export const integrityOf = (file: string, rt: SqliteRuntime): string => {
  const db = openSideDatabase(file, rt);
  try {
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    return rows.map((r) => r.integrity_check).slice(0, 5).join('; ');
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
    db.prepare('VACUUM INTO ?').run(tmp);
    const check = integrityOf(tmp, rt);
    if (check !== 'ok') throw new AppFailure('IO', `Bản sao lưu vừa tạo không toàn vẹn (${check}).`);
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
  await db.backup(file);
  const check = integrityOf(file, rt);
  if (check !== 'ok') {
    rmSync(file, { force: true });
    throw new AppFailure('IO', `Bản sao cơ sở dữ liệu không toàn vẹn (${check}).`);
  }
  return { sizeBytes: statSync(file).size };
};
