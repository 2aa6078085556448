import type { Db } from '../connection';

/**
 * Whole-database operations for backup and restore (services/backup): checks, copies and the journal mode
 * of a staged file. They name no table of the app's own; restore-repo.ts copies the rows.
 */

/** PRAGMA integrity_check: ['ok'] for a sound file, otherwise the problems found. */
export const integrityCheck = (db: Db): string[] =>
  (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);

/** Every table in the file (sqlite_master), SQLite's own included. */
export const tableNames = (db: Db): string[] =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];

/** Switches a side database to a rollback journal, so the file is complete on its own (no -wal beside it). */
export const useRollbackJournal = (db: Db): void => {
  db.pragma('journal_mode = DELETE');
};

/** A consistent copy with `VACUUM INTO` (reads through the WAL, so recent commits are included). */
export const vacuumInto = (db: Db, file: string): void => {
  db.prepare('VACUUM INTO ?').run(file);
};

/** The same with SQLite's online backup API: stepwise and async, so a large database does not block. */
export const onlineBackup = async (db: Db, file: string): Promise<void> => {
  await db.backup(file);
};
