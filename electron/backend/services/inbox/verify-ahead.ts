import type { BackendContext } from '../../context';
import { openVerifySession } from '../bundle/verify/verify-process';
import { VERIFY_WORKERS } from '../bundle/verify/spare-workers';
import { closeStaging, isOwnStaged, sealStaged } from '../evidence/staging';
import type { StagedEntry } from '../evidence/staging';
import { prepareStoreDirs } from '../evidence/store';
import { importVerifyBase, verifyAndStage } from './import-verify';
import type { ImportVerdict } from './import-verify';

/**
 * Files queued per worker ahead of the import, so that it always has the next one while the importer commits.
 * Their evidence waits staged on disk, not in memory.
 */
export const AHEAD = 2;

export type VerifyAhead = {
  /**
   * The verdict for file i (its evidence staged, import-verify.ts verifyAndStage; a valid one hashed by its
   * worker, `fileSha256`, and its staged files already being sealed, `sealed`); queues the verification of the
   * next files. The import of file i closes its staging.
   */
  verdict: (i: number) => Promise<ImportVerdict>;
  close: () => void;
};

/** The staged files made durable and read-only, and the store folders they will be renamed into made. */
const sealAhead = async (dataDir: string, staged: readonly StagedEntry[]): Promise<void> => {
  await Promise.all([sealStaged(staged), prepareStoreDirs(dataDir, staged.map((t) => t.sha256))]);
};

/** Never an unhandled rejection when the batch stops before awaiting it; the awaiting import still sees it. */
const quiet = <T>(p: Promise<T>): Promise<T> => {
  p.catch(() => {});
  return p;
};

/**
 * The verification of a batch runs ahead of its import (import-batch.ts): while file i is committed, files
 * i + 1 … i + AHEAD × workers are queued for verification, file j with worker j mod workers, each worker one file
 * at a time and each file with its own timeout (verify-process.ts). A verification reads the replay list before the files
 * ahead of it are committed, so a package repeated inside the batch is caught by importBundle's check under the
 * write lock instead (E_REPLAY either way). Per-entry progress is not reported: it would describe a later file.
 */
export const verifyAhead = (ctx: BackendContext, files: readonly { path: string }[], signal?: AbortSignal, workers = VERIFY_WORKERS): VerifyAhead => {
  const pool = Array.from({ length: Math.max(1, Math.min(workers, files.length)) }, () => openVerifySession(ctx.workerLauncher));
  const base = importVerifyBase(ctx);
  const started = new Map<number, Promise<ImportVerdict>>();
  const start = (j: number): void => {
    if (j >= files.length || started.has(j)) return;
    // The session queues the files of its worker, which takes them one after the other. A valid verdict's staged
    // files start their fsync, and their store folders are made, at once on the thread pool instead of when the
    // import reaches them: the disk's latency then overlaps the import of the files before (only files named as
    // the stager names, isOwnStaged).
    const v = verifyAndStage(ctx, files[j]!.path, { ...(signal ? { signal } : {}), session: pool[j % pool.length]!, base, fileDigest: true }).then((r) =>
      r.result.status === 'INVALID' || r.stagingError ? r : { ...r, sealed: quiet(sealAhead(ctx.dataDir, r.staged.filter((t) => isOwnStaged(r.prefix, t.tmpPath)))) },
    );
    started.set(j, quiet(v));
  };
  return {
    verdict: (i) => {
      for (let j = i; j <= i + pool.length * AHEAD; j++) start(j);
      return started.get(i)!;
    },
    close: () => {
      for (const s of pool) s.close();
      // Files verified ahead but never imported (a cancel): their staged evidence goes.
      for (const p of started.values()) p.then((v) => closeStaging(v.prefix), () => {});
    },
  };
};
