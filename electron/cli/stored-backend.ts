import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

import type { Backend } from '../backend/backend';
import { dataPaths } from '../backend/data-dir';
import { silentLogger } from '../backend/logger';
import { createFileSettingsStore } from '../backend/settings/file-settings-store';
import { launchWorker } from '../workers/launch';
import { UsageError } from './types';

/**
 * Runs `work` against the app's existing data folder (`--data <dir>`), with a host that has no dialogs,
 * and always closes the database. Refuses a folder without a database rather than creating one.
 */
export const withStoredBackend = async <T>(dataDir: string, cwd: string, work: (backend: Backend) => Promise<T> | T): Promise<T> => {
  const dir = resolve(cwd, dataDir);
  if (!existsSync(dataPaths(dir).database)) throw new UsageError(`Không có dữ liệu ứng dụng trong thư mục ${dir}`);
  // Loaded here, not at the top: commands that never open stored data start without the whole backend.
  const { createBackend } = await import('../backend/backend');
  const backend = createBackend({
    dataDir: dir,
    logger: silentLogger,
    backupKeep: false,
    workerLauncher: launchWorker,
    host: (paths) => ({
      kind: 'cli',
      settings: createFileSettingsStore(paths.settings),
      pickFiles: async () => null,
      chooseSaveTarget: async () => null,
      showInFolder: async () => {},
      openWithSystem: async () => {},
    }),
  });
  try {
    return await work(backend);
  } finally {
    backend.close();
  }
};
