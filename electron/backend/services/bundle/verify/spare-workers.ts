import { availableParallelism } from 'node:os';

import type { WorkerHandle, WorkerLauncher } from '../../../workers-seam/launcher';

/**
 * Verification workers started before they are needed: a worker costs a Node start and the verifier's modules
 * (about 0.2 s of CPU, docs/performance.md "Batch import"), which the user would otherwise wait for after
 * choosing a folder. Sở Nội vụ's batch import warms them while the folder dialog is open
 * (handlers/inbox.ts); the next verification sessions of the same launcher take them (verify-process.ts).
 * A spare that is not taken within SPARE_IDLE_MS is ended, so a cancelled dialog leaves nothing running.
 * This module imports nothing heavy: a process may warm workers before it loads the backend.
 */
export const SPARE_IDLE_MS = 60_000;

/**
 * Verification workers a batch keeps: two where the machine has two CPUs or more. bench/batch-import.bench.ts
 * measures both in one run (docs/performance.md "Batch import"). On three machines of two CPUs, two workers took
 * 0.62×, 0.91× and 1.09× the time of one, and their times varied far less: the worker, which reads, hashes and
 * stages every byte, is the slower half of the pipeline, and a slow write (here a virtual machine's memory,
 * on a PC an antivirus scanning each new file) then holds up only half the batch. The importer and its workers
 * stay under 300 MB together (about 250 MiB with two). Not more: the workers share the CPUs with the importer.
 */
export const VERIFY_WORKERS = Math.max(1, Math.min(2, availableParallelism()));

/** `waiting` turns false when the worker is taken, ends or fails: from then on its listeners here do nothing. */
type Spare = { handle: WorkerHandle; waiting: boolean; timer: NodeJS.Timeout };

const spares = new Map<WorkerLauncher, Spare[]>();

const remove = (launcher: WorkerLauncher, s: Spare): void => {
  s.waiting = false;
  clearTimeout(s.timer);
  const list = spares.get(launcher) ?? [];
  const at = list.indexOf(s);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) spares.delete(launcher);
};

/** Starts verification workers until `count` are waiting for this launcher; never more than `count`. */
export const warmVerifyWorkers = (launcher: WorkerLauncher, count: number, idleMs = SPARE_IDLE_MS): void => {
  const list = spares.get(launcher) ?? [];
  if (list.length < count) spares.set(launcher, list);
  while (list.length < count) {
    const handle = launcher('verify-worker');
    const s: Spare = {
      handle,
      waiting: true,
      timer: setTimeout(() => {
        remove(launcher, s);
        handle.kill();
      }, idleMs),
    };
    // The timer alone must not keep a process alive that has nothing else to do (the CLI).
    s.timer.unref();
    // A taken worker's exit and errors are its session's business (verify-process.ts), not this list's.
    handle.on('exit', () => {
      if (s.waiting) remove(launcher, s);
    });
    handle.on('error', () => {
      if (!s.waiting) return;
      remove(launcher, s);
      handle.kill();
    });
    list.push(s);
  }
};

/** A waiting worker of this launcher, now the caller's to use and to end; null when none is waiting. */
export const takeSpareWorker = (launcher: WorkerLauncher): WorkerHandle | null => {
  const s = spares.get(launcher)?.[0];
  if (!s) return null;
  remove(launcher, s);
  return s.handle;
};

/** Ends every waiting worker (a host shutting down, tests). */
export const endSpareWorkers = (): void => {
  for (const [launcher, list] of [...spares]) {
    for (const s of [...list]) {
      remove(launcher, s);
      s.handle.kill();
    }
  }
};
