import { AppFailure } from '../../../../shared/ipc/result';
import type { Db } from '../../db/connection';
import { MIGRATIONS } from '../../db/migrations/index';
import { currentVersion, migrate } from '../../db/migrations/runner';
import { invalidBackup } from './archive-read';
import type { SqliteRuntime } from './snapshot';
import { openSideDatabase } from './snapshot';

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

type TableInfo = Map<string, string[]>;

const tablesOf = (db: Db, schema: 'main' | 'restore_src'): TableInfo => {
  const names = db
    .prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const out: TableInfo = new Map();
  for (const n of names) {
    const cols = (db.prepare(`PRAGMA ${schema}.table_info(${ident(n)})`).all() as Array<{ name: string }>).map((c) => c.name);
    out.set(n, cols);
  }
  return out;
};

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
    throw invalidBackup('cơ sở dữ liệu trong tệp không mở được');
  }
  try {
    let check: string;
    try {
      check = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
    } catch {
      throw invalidBackup('cơ sở dữ liệu trong tệp bị hỏng');
    }
    if (check !== 'ok') throw invalidBackup('cơ sở dữ liệu trong tệp không toàn vẹn');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    if (!REQUIRED_TABLES.every((t) => tables.includes(t))) throw invalidBackup('cơ sở dữ liệu không phải của ứng dụng này');
    const version = currentVersion(db);
    const latest = MIGRATIONS.at(-1)?.version ?? 0;
    if (version > latest) {
      throw new AppFailure('BACKUP_INVALID', 'Tệp sao lưu được tạo bởi phiên bản ứng dụng mới hơn. Hãy cập nhật ứng dụng rồi khôi phục lại; dữ liệu hiện tại không bị thay đổi.');
    }
    db.pragma('journal_mode = DELETE');
    migrate(db, MIGRATIONS);
    return { schemaVersion: currentVersion(db) };
  } finally {
    db.close();
  }
};

/**
 * Replaces every row of the live database with the staged database's rows IN ONE TRANSACTION
 * (ATTACH + DELETE/INSERT per table, foreign keys deferred to COMMIT). A crash or an error leaves the old
 * data or the new data, never a mix, and the live connection (ctx.db) stays open, so nothing else in the
 * app has to reopen anything. Both schemas come from the same migrations, so tables and columns match;
 * if they do not (a foreign database that slipped through), nothing is changed.
 */
export const replaceDatabaseContents = (live: Db, stagedFile: string): { tables: number; rows: number } => {
  live.prepare('ATTACH DATABASE ? AS restore_src').run(stagedFile);
  try {
    const mine = tablesOf(live, 'main');
    const theirs = tablesOf(live, 'restore_src');
    const sameShape =
      mine.size === theirs.size && [...mine].every(([t, cols]) => JSON.stringify(theirs.get(t)) === JSON.stringify(cols));
    if (!sameShape) throw invalidBackup('cấu trúc cơ sở dữ liệu không khớp');
    if (currentVersion(live) !== (live.pragma('restore_src.user_version', { simple: true }) as number)) {
      throw invalidBackup('phiên bản lược đồ không khớp');
    }
    let rows = 0;
    live.transaction(() => {
      live.pragma('defer_foreign_keys = ON');
      for (const t of mine.keys()) live.prepare(`DELETE FROM main.${ident(t)}`).run();
      for (const [t, cols] of mine) {
        const list = cols.map(ident).join(', ');
        rows += live.prepare(`INSERT INTO main.${ident(t)} (${list}) SELECT ${list} FROM restore_src.${ident(t)}`).run().changes;
      }
      const hasSeq = (s: string) => live.prepare(`SELECT 1 FROM ${s}.sqlite_master WHERE name = 'sqlite_sequence'`).pluck().get() === 1;
      if (hasSeq('main')) {
        live.prepare('DELETE FROM main.sqlite_sequence').run();
        if (hasSeq('restore_src')) live.prepare('INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM restore_src.sqlite_sequence').run();
      }
      const fk = live.prepare('PRAGMA main.foreign_key_check').all();
      if (fk.length > 0) throw invalidBackup('dữ liệu trong tệp vi phạm ràng buộc khóa ngoại');
    })();
    return { tables: mine.size, rows };
  } finally {
    live.prepare('DETACH DATABASE restore_src').run();
  }
};
