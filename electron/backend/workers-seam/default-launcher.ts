import type { WorkerLauncher } from './launcher';

/**
 * The launcher of the running host, for library code that is called without a BackendContext (the
 * untrusted-xlsx reader is called from services, the CLI and tests with just the file's bytes).
 * createBackend registers its host's launcher here; the CLI commands that read files without a backend
 * register electron/workers/launch.ts. Using it before anything registered is a programming error.
 */
let current: WorkerLauncher | null = null;

export const registerDefaultLauncher = (launcher: WorkerLauncher): void => {
  current = launcher;
};

export const defaultLauncher = (): WorkerLauncher => {
  if (!current) throw new Error('no worker launcher registered (createBackend or registerDefaultLauncher)');
  return current;
};
