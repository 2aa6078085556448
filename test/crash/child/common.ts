/**
 * Shared bits of the kill -9 children (run with `node --import tsx`). Every acknowledged write is printed
 * to stdout as one line AFTER the call that made it durable has returned; the parent kills the process at
 * a random moment and then checks that nothing acknowledged was lost.
 */
import { join } from 'node:path';

import { createBackend } from '../../../electron/backend/backend';
import type { Backend } from '../../../electron/backend/backend';
import { silentLogger } from '../../../electron/backend/logger';
import { launchWorker } from '../../../electron/workers/launch';
import { createTestHost } from '../../helpers/backend';

export const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** The real backend on `dataDir`, with automatic backups on and a clock pinned to `nowIso`. */
export const openBackend = (dataDir: string, nowIso: string): Backend =>
  createBackend({
    dataDir,
    logger: silentLogger,
    now: () => new Date(nowIso),
    // The harness may run this file bundled elsewhere: resources are found from the project root (cwd).
    resourcesDir: join(process.cwd(), 'resources'),
    host: (paths) => createTestHost(paths.settings),
    workerLauncher: launchWorker,
  });

export const must = async <T>(b: Backend, channel: string, payload: unknown): Promise<T> => {
  const r = await b.call(channel, payload);
  if (!r.ok) {
    process.stderr.write(`${channel} failed: ${r.error.code} ${r.error.message}\n`);
    process.exit(3);
  }
  return r.value as T;
};
