import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { WorkerLauncher } from '../backend/workers-seam/launcher';

const here = dirname(fileURLToPath(import.meta.url));

/** One worker file as a child Node process, with JSON messages over IPC (the seam's WorkerHandle). */
export const forkWorker = (file: string, execArgv: string[], env: NodeJS.ProcessEnv = process.env): ReturnType<WorkerLauncher> => {
  const child = fork(file, [], { execArgv, env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' });
  return {
    send: (m) => {
      if (child.connected) child.send(m as never);
    },
    on: (event, cb) => child.on(event, cb),
    kill: () => {
      if (child.connected) child.disconnect();
      child.kill();
    },
  };
};

/**
 * Starts a worker of this folder as a child Node process; from source the .ts runs under tsx. The web host,
 * the CLI and the tests pass it to createBackend (the backend's side of the seam is
 * electron/backend/workers-seam/launcher.ts).
 */
export const launchWorker: WorkerLauncher = (name, env, options) => {
  const js = join(here, `${name}.js`);
  const useJs = existsSync(js);
  const execArgv = [...(useJs ? [] : ['--import', 'tsx']), ...(options?.maxHeapMb ? [`--max-old-space-size=${options.maxHeapMb}`] : [])];
  return forkWorker(useJs ? js : join(here, `${name}.ts`), execArgv, { ...process.env, ...env });
};
