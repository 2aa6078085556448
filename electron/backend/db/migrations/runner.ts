import { AppFailure } from '../../../../shared/ipc/result';
import type { Db } from '../connection';
import type { Migration } from './types';

export type MigrationReport = { from: number; to: number; applied: string[] };

export const currentVersion = (db: Db): number => db.pragma('user_version', { simple: true }) as number;

/** Checks the list is strictly increasing so a mis-numbered file fails loudly at start-up. */
export const assertMonotonic = (migrations: readonly Migration[]): void => {
  for (let i = 1; i < migrations.length; i++) {
    const prev = migrations[i - 1]!;
    const cur = migrations[i]!;
    if (cur.version <= prev.version) {
      throw new Error(`Migrations out of order: ${prev.version}-${prev.name} then ${cur.version}-${cur.name}`);
    }
  }
};

export const pendingMigrations = (db: Db, migrations: readonly Migration[]): Migration[] => {
  const version = currentVersion(db);
  return migrations.filter((m) => m.version > version);
};

/**
 * Brings the database to the newest schema. Refuses a database written by a newer app (its schema may
 * mean things this build does not know). Each migration runs in its own transaction and stamps
 * PRAGMA user_version inside it, so a crash leaves either the old schema or the new one, never half.
 * `beforeMigrate` runs once before the first pending step (the caller backs up the database there).
 */
export const migrate = (
  db: Db,
  migrations: readonly Migration[],
  beforeMigrate?: (from: number, to: number) => void,
): MigrationReport => {
  assertMonotonic(migrations);
  const from = currentVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    throw AppFailure.of('DB_FROM_NEWER_APP', { found: from, supported: latest });
  }
  const pending = pendingMigrations(db, migrations);
  if (pending.length === 0) return { from, to: from, applied: [] };
  beforeMigrate?.(from, pending.at(-1)!.version);
  const applied: string[] = [];
  for (const m of pending) {
    db.transaction(() => {
      m.up(db);
      // user_version cannot be bound as a parameter; the value is an integer from our own list.
      db.pragma(`user_version = ${Math.trunc(m.version)}`);
    })();
    applied.push(`${m.version}-${m.name}`);
  }
  return { from, to: currentVersion(db), applied };
};
