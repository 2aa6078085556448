import type { Db } from '../connection';
import { currentVersion } from '../migrations/runner';

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

/** Why the staged rows were not taken: the caller words it for the user (services/backup/replace-db.ts). */
export type ReplaceRefusal = 'shape' | 'version' | 'foreign-keys';
export type ReplaceOutcome = { ok: true; tables: number; rows: number } | { ok: false; refusal: ReplaceRefusal };

class ForeignKeyViolation extends Error {}

/**
 * Replaces every row of the live database with the staged database's rows IN ONE TRANSACTION
 * (ATTACH + DELETE/INSERT per table, foreign keys deferred to COMMIT). A crash or a refusal leaves the old
 * data or the new data, never a mix, and the live connection stays open. Both schemas come from the same
 * migrations, so tables and columns match; if they do not (a foreign database that slipped through), or the
 * schema versions differ, or the rows break a foreign key, nothing is changed.
 */
export const replaceAllRows = (live: Db, stagedFile: string): ReplaceOutcome => {
  live.prepare('ATTACH DATABASE ? AS restore_src').run(stagedFile);
  try {
    const mine = tablesOf(live, 'main');
    const theirs = tablesOf(live, 'restore_src');
    const sameShape =
      mine.size === theirs.size && [...mine].every(([t, cols]) => JSON.stringify(theirs.get(t)) === JSON.stringify(cols));
    if (!sameShape) return { ok: false, refusal: 'shape' };
    if (currentVersion(live) !== (live.pragma('restore_src.user_version', { simple: true }) as number)) {
      return { ok: false, refusal: 'version' };
    }
    let rows = 0;
    try {
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
        // Thrown inside the transaction so that it rolls back.
        if (live.prepare('PRAGMA main.foreign_key_check').all().length > 0) throw new ForeignKeyViolation();
      })();
    } catch (e) {
      if (e instanceof ForeignKeyViolation) return { ok: false, refusal: 'foreign-keys' };
      throw e;
    }
    return { ok: true, tables: mine.size, rows };
  } finally {
    live.prepare('DETACH DATABASE restore_src').run();
  }
};
