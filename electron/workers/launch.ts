import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Starts a worker of this folder as a child Node process with an IPC channel. From source (tests, CLI via
 * tsx) the .ts file runs under tsx; a build ships the compiled .js next to this file. The Electron main
 * process may pass its own launcher (utilityProcess) with the same message protocol.
 */
export type WorkerLauncher = (name: 'pkcs11-worker' | 'verify-worker', env?: NodeJS.ProcessEnv) => ChildProcess;

const here = dirname(fileURLToPath(import.meta.url));

export const launchWorker: WorkerLauncher = (name, env) => {
  const js = join(here, `${name}.js`);
  const ts = join(here, `${name}.ts`);
  const useJs = existsSync(js);
  return fork(useJs ? js : ts, [], {
    execArgv: useJs ? [] : ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'json',
  });
};
