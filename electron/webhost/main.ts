import { homedir } from 'node:os';
import { join } from 'node:path';

import { createBackend, PROJECT_ROOT } from '../backend/backend';
import { dataPaths } from '../backend/data-dir';
import { createWebHost } from './host-web';
import { launchWorker } from '../workers/launch';
import { startWebHost } from './server';

/**
 * `npm run start:web`: the real backend + the built renderer in any browser on this machine.
 * Options: --data <dir> (default ~/.local/share/cchc-web or $CCHC_DATA_DIR), --port <n> (default 5180, 0 = any).
 */
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const dataDir = arg('data') ?? process.env.CCHC_DATA_DIR ?? join(homedir(), '.local', 'share', 'cchc-web');
const port = Number(arg('port') ?? process.env.CCHC_PORT ?? 5180);
const fixedToken = process.env.CCHC_WEB_TOKEN;

const backend = createBackend({ dataDir, host: (paths, served) => createWebHost(paths, served), workerLauncher: launchWorker });
const running = await startWebHost({
  backend,
  rendererDir: join(PROJECT_ROOT, 'out', 'renderer'),
  uploadsDir: dataPaths(backend.ctx.dataDir).uploads,
  port,
  ...(fixedToken ? { token: fixedToken } : {}),
});
process.stdout.write(`CCHC web host: ${running.url}\nData folder: ${backend.ctx.dataDir}\n`);

const shutdown = (): void => {
  void running.close().then(() => {
    backend.close();
    process.exit(0);
  });
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
