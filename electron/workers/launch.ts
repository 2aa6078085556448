import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type WorkerName = 'pkcs11-worker' | 'verify-worker';

/**
 * What the backend needs from a worker process: the common shape of a Node ChildProcess (tests, CLI,
 * web host) and of an Electron utilityProcess wrapped by electron/main/utility-launcher.ts (the packaged
 * app, where the RunAsNode fuse is off and child_process.fork of the app binary is impossible).
 */
export type WorkerHandle = {
  send: (message: unknown) => void;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- message/exit/error callbacks differ per event
  on: (event: 'message' | 'exit' | 'error', cb: (...args: any[]) => void) => unknown;
  kill: () => void;
};

export type WorkerLauncher = (name: WorkerName, env?: NodeJS.ProcessEnv) => WorkerHandle;

const here = dirname(fileURLToPath(import.meta.url));

/** Starts a worker of this folder as a child Node process; from source the .ts runs under tsx. */
export const launchWorker: WorkerLauncher = (name, env) => {
  const js = join(here, `${name}.js`);
  const ts = join(here, `${name}.ts`);
  const useJs = existsSync(js);
  const child = fork(useJs ? js : ts, [], {
    execArgv: useJs ? [] : ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'json',
  });
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
