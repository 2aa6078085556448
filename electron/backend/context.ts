import type { Db, SqliteRuntime } from './db/connection';
import type { HostCapabilities } from './host';
import type { JobRegistry } from './jobs';
import type { Logger } from './logger';
import type { IndicatorSetCatalog } from './services/indicator-sets/catalog';
import type { ServedFiles } from './services/served-files';
import type { UploadRegistry } from './services/uploads';
import type { Session } from './session';
import type { WorkerLauncher } from './workers-seam/launcher';

/** Everything a handler may use. Built once per process by createBackend(). */
export type BackendContext = {
  db: Db;
  /** Absolute path of the app's data folder (database, evidence store, backups, temp). */
  dataDir: string;
  /** Absolute path of resources/ (indicator sets, fonts, icons). */
  resourcesDir: string;
  appVersion: string;
  host: HostCapabilities;
  jobs: JobRegistry;
  logger: Logger;
  catalog: IndicatorSetCatalog;
  /** Files handed over without a renderer path (web uploads, dropped files): opaque id → temp path. */
  uploads: UploadRegistry;
  /** Files the renderer may fetch by opaque id (previews, web downloads). */
  served: ServedFiles;
  /** How isolated workers start, wired by the host: a Node child process or an Electron utilityProcess. */
  workerLauncher: WorkerLauncher;
  /** How this backend opens SQLite files other than its own (snapshots, staged restores). */
  sqlite: SqliteRuntime;
  /** How many automatic backups <data>/backups keeps. */
  backupKeep: number;
  /** What this backend remembers between calls (session.ts); handlers keep no module-level state. */
  session: Session;
  /** Injected clock so tests can pin "today" (deadlines, dates in reports). */
  now: () => Date;
};
