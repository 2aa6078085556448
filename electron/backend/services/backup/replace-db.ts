import { AppFailure } from '../../../../shared/ipc/result';
import { openSideDatabase } from '../../db/connection';
import type { Db, SqliteRuntime } from '../../db/connection';
import { MIGRATIONS } from '../../db/migrations/index';
import { currentVersion, migrate } from '../../db/migrations/runner';
import { integrityCheck, tableNames, useRollbackJournal } from '../../db/repos/maintenance-repo';
import { replaceAllRows } from '../../db/repos/restore-repo';
import type { ReplaceRefusal } from '../../db/repos/restore-repo';
import { invalidBackup } from './archive-read';

/** The tables every database of this app has had since the first schema version. */
const REQUIRED_TABLES = ['assessment', 'unit_profile'];

/**
 * Checks a staged database file and brings it to this app's schema: it must be a SQLite database that
 * passes integrity_check, has our tables, and is not from a newer app. Older backups are migrated here,
 * in the staging copy, so the live database is never migrated by a restore.
 */
export const prepareStagedDatabase = (file: string, rt: SqliteRuntime): { schemaVersion: number } => {
  let db: Db;
  try {
    db = openSideDatabase(file, rt, false);
  } catch {
    throw invalidBackup('BK_DB_UNOPENABLE');
  }
  try {
    let check: string;
    try {
      check = integrityCheck(db).join('; ');
    } catch {
      throw invalidBackup('BK_DB_BROKEN');
    }
    if (check !== 'ok') throw invalidBackup('BK_DB_NOT_INTACT');
    const tables = tableNames(db);
    if (!REQUIRED_TABLES.every((t) => tables.includes(t))) throw invalidBackup('BK_DB_FOREIGN');
    const version = currentVersion(db);
    const latest = MIGRATIONS.at(-1)?.version ?? 0;
    if (version > latest) {
      throw AppFailure.of('BACKUP_FROM_NEWER_APP');
    }
    useRollbackJournal(db);
    migrate(db, MIGRATIONS);
    return { schemaVersion: currentVersion(db) };
  } finally {
    db.close();
  }
};

const REFUSALS: Record<ReplaceRefusal, 'BK_DB_SHAPE' | 'BK_DB_VERSION' | 'BK_DB_FOREIGN_KEYS'> = {
  shape: 'BK_DB_SHAPE',
  version: 'BK_DB_VERSION',
  'foreign-keys': 'BK_DB_FOREIGN_KEYS',
};

/**
 * Replaces every row of the live database with the staged database's rows in one transaction
 * (db/repos/restore-repo.ts): the live connection (ctx.db) stays open, so nothing else in the app has to
 * reopen anything, and a refused file changes nothing.
 */
export const replaceDatabaseContents = (live: Db, stagedFile: string): { tables: number; rows: number } => {
  const out = replaceAllRows(live, stagedFile);
  if (!out.ok) throw invalidBackup(REFUSALS[out.refusal]);
  return { tables: out.tables, rows: out.rows };
};
