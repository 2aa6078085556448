import { join, resolve } from 'node:path';

import type { Result } from '../../shared/ipc/result';
import type { BackendContext } from './context';
import { ensureDataDirs } from './data-dir';
import { openDatabase } from './db/connection';
import type { Db } from './db/connection';
import { MIGRATIONS } from './db/migrations/index';
import { migrate } from './db/migrations/runner';
import { dispatch } from './dispatch';
import { handlers } from './handlers/index';
import type { HandlerMap } from './handlers/types';
import type { HostCapabilities } from './host';
import { JobRegistry } from './jobs';
import { consoleLogger } from './logger';
import type { Logger } from './logger';
import { IndicatorSetCatalog } from './services/indicator-sets/catalog';
import { PROJECT_ROOT } from './project-root';
import { readAppVersion } from './app-version';
import { DEFAULT_KEEP } from './services/backup/auto';
import { backupLifecycle } from './services/backup/lifecycle';
import { endSpareWorkers } from './services/bundle/verify/spare-workers';
import { cleanupTempFiles } from './services/evidence/gc';
import { ServedFiles } from './services/served-files';
import { UploadRegistry } from './services/uploads';
import { newSession } from './session';
import { registerDefaultLauncher } from './workers-seam/default-launcher';
import type { WorkerLauncher } from './workers-seam/launcher';

export { PROJECT_ROOT } from './project-root';

export type BackendOptions = {
  dataDir: string;
  host: (paths: ReturnType<typeof ensureDataDirs>, served: ServedFiles) => HostCapabilities;
  resourcesDir?: string;
  logger?: Logger;
  now?: () => Date;
  nativeBinding?: string;
  /** Called before pending migrations run (the backup service hooks in here). */
  beforeMigrate?: (db: Db, from: number, to: number) => void;
  handlers?: HandlerMap;
  /**
   * How worker processes start: electron/workers/launch.ts under Node (web host, CLI, tests), a utilityProcess
   * launcher in the app (the RunAsNode fuse forbids forking the app binary). See workers-seam/launcher.ts.
   */
  workerLauncher: WorkerLauncher;
  /** Automatic backups kept in dataDir/backups (default 10); false turns them off. */
  backupKeep?: number | false;
};

export type Backend = {
  ctx: BackendContext;
  call: (channel: string, payload: unknown) => Promise<Result<unknown>>;
  close: () => void;
};

/** Opens the data folder and database, runs migrations and returns the dispatcher. Used by main, web host, CLI. */
export const createBackend = (opts: BackendOptions): Backend => {
  const paths = ensureDataDirs(resolve(opts.dataDir));
  const logger = opts.logger ?? consoleLogger;
  const db = openDatabase(paths.database, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  const backups = backupLifecycle({ backupsDir: paths.backups, dataDir: paths.root, logger, now: opts.now, nativeBinding: opts.nativeBinding, keep: opts.backupKeep });
  try {
    migrate(db, MIGRATIONS, (from, to) => {
      backups.beforeMigrate(db, from, to);
      opts.beforeMigrate?.(db, from, to);
    });
  } catch (e) {
    db.close();
    throw e;
  }
  registerDefaultLauncher(opts.workerLauncher);
  const served = new ServedFiles();
  const resourcesDir = opts.resourcesDir ?? join(PROJECT_ROOT, 'resources');
  const ctx: BackendContext = {
    db,
    dataDir: paths.root,
    resourcesDir,
    appVersion: readAppVersion(PROJECT_ROOT),
    host: opts.host(paths, served),
    jobs: new JobRegistry(logger),
    logger,
    catalog: new IndicatorSetCatalog(join(resourcesDir, 'indicator-sets'), join(paths.root, 'indicator-sets')),
    uploads: new UploadRegistry(),
    served,
    now: opts.now ?? (() => new Date()),
    workerLauncher: opts.workerLauncher,
    sqlite: opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {},
    backupKeep: typeof opts.backupKeep === 'number' ? opts.backupKeep : DEFAULT_KEEP,
    session: newSession(),
  };
  backups.started(ctx);
  // Temp copies left by an attach that was killed mid-way are never visible; remove them at start-up.
  const orphans = cleanupTempFiles(paths.root);
  if (orphans.length) logger.info('evidence: removed orphan temp files', { count: orphans.length });
  const map = opts.handlers ?? handlers;
  return {
    ctx,
    call: (channel, payload) => dispatch(map, ctx, channel, payload),
    close: () => {
      // Workers warmed for a batch that never came (services/bundle/verify/spare-workers.ts) end with the backend.
      endSpareWorkers();
      ctx.db.close();
    },
  };
};
