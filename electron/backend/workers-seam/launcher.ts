/**
 * The seam between the backend and its isolated worker processes (PKCS#11 signing, bundle verification).
 * The backend only declares what it needs; each host wires an implementation into createBackend:
 * electron/workers/launch.ts (a Node child process: web host, CLI, tests) or
 * electron/main/utility-launcher.ts (an Electron utilityProcess: the packaged app, where the RunAsNode
 * fuse is off and child_process.fork of the app binary is impossible). Backend code never imports
 * electron/workers (eslint.config.mjs), so the worker entry points stay the hosts' business.
 */
export type WorkerName = 'pkcs11-worker' | 'verify-worker' | 'xlsx-worker';

/** The common shape of a Node ChildProcess and of a wrapped utilityProcess. */
export type WorkerHandle = {
  send: (message: unknown) => void;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- message/exit/error callbacks differ per event
  on: (event: 'message' | 'exit' | 'error', cb: (...args: any[]) => void) => unknown;
  kill: () => void;
};

/** How the process is started: `maxHeapMb` caps its V8 heap (--max-old-space-size), for untrusted parsing. */
export type WorkerOptions = { maxHeapMb?: number };

export type WorkerLauncher = (name: WorkerName, env?: NodeJS.ProcessEnv, options?: WorkerOptions) => WorkerHandle;
