import type { Db } from './connection';

/**
 * Runs `work` in one SQLite transaction: every write inside commits together or not at all (better-sqlite3
 * turns a nested call into a savepoint). Code outside electron/backend/db never calls `db.transaction`
 * itself (eslint.config.mjs), so this is the one way to group writes; `withEditable` in
 * services/assessments/guards.ts builds on it for writes to an assessment.
 */
export const inTransaction = <T>(db: Db, work: () => T): T => db.transaction(work)();
