import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { utilityProcess } from 'electron';

import type { WorkerHandle, WorkerLauncher } from '../backend/workers-seam/launcher';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Starts a backend worker (PKCS#11 signing, bundle verification) as an Electron utilityProcess: a
 * sandboxed child that works with the RunAsNode fuse off. The built workers sit beside main's bundle
 * (electron.vite.config.mts adds them as entries).
 */
export const utilityLauncher: WorkerLauncher = (name, env, options) => {
  const child = utilityProcess.fork(join(here, `${name}.js`), [], {
    serviceName: `CCHC ${name}`,
    env: { ...process.env, ...env },
    stdio: 'ignore',
    ...(options?.maxHeapMb ? { execArgv: [`--max-old-space-size=${options.maxHeapMb}`] } : {}),
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const handle: WorkerHandle = {
    send: (m) => {
      if (!exited) child.postMessage(m);
    },
    on: (event, cb) => {
      if (event === 'message') child.on('message', cb);
      else if (event === 'exit') child.on('exit', (code) => cb(code, null));
      // utilityProcess reports spawn failures as an exit; there is no separate 'error' event.
      return handle;
    },
    kill: () => {
      if (!exited) child.kill();
    },
  };
  return handle;
};
