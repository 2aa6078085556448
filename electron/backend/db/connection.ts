import Database from 'better-sqlite3';

export type Db = Database.Database;

/** How better-sqlite3 loads its native part: Electron's ABI build in the packaged app, the default under Node. */
export type SqliteRuntime = { nativeBinding?: string };

export type OpenOptions = {
  readonly?: boolean;
  /** Path to an Electron-ABI build of better-sqlite3 (packaged app); undefined under plain Node. */
  nativeBinding?: string;
};

/**
 * Opens the app database with the pragmas our durability promises rely on:
 * WAL (readers never block the writer), synchronous=FULL (better-sqlite3 defaults WAL to NORMAL, which can
 * lose the last commits on power loss), foreign keys on, and a busy timeout.
 */
export const openDatabase = (file: string, opts: OpenOptions = {}): Db => {
  const db = new Database(file, {
    readonly: opts.readonly ?? false,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  if (!opts.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('trusted_schema = OFF');
  return db;
};

/** Opens a database file that is not the live one (a snapshot, a staged restore), read-only by default. */
export const openSideDatabase = (file: string, rt: SqliteRuntime, readonly = true): Db =>
  new Database(file, { readonly, fileMustExist: true, ...(rt.nativeBinding ? { nativeBinding: rt.nativeBinding } : {}) });
