import type { Db } from './db/connection';
import type { HostCapabilities } from './host';
import type { JobRegistry } from './jobs';
import type { Logger } from './logger';
import type { IndicatorSetCatalog } from './services/indicator-sets/catalog';
import type { ServedFiles } from './services/served-files';
import type { UploadRegistry } from './services/uploads';
import type { WorkerLauncher } from '../workers/launch';

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
  /** How isolated workers start (Electron: utilityProcess); default: a Node child process. */
  workerLauncher?: WorkerLauncher;
  /** Injected clock so tests can pin "today" (deadlines, dates in reports). */
  now: () => Date;
};
