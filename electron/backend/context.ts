import type { Db } from './db/connection';
import type { HostCapabilities } from './host';
import type { JobRegistry } from './jobs';
import type { Logger } from './logger';
import type { IndicatorSetCatalog } from './services/indicator-sets/catalog';

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
  /** Injected clock so tests can pin "today" (deadlines, dates in reports). */
  now: () => Date;
};
