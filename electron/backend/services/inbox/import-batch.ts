import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { INBOX_BATCH_MAX_BYTES, INBOX_BATCH_MAX_FILES } from '../../../../shared/ipc/channels/inbox';
import type { InboxBatchFile, InboxBatchResult } from '../../../../shared/ipc/channels/inbox';
import { AppFailure } from '../../../../shared/ipc/result';
import { step } from '../../../../shared/domain/progress-steps';
import type { BackendContext } from '../../context';
import { toAppError } from '../../errors';
import { importBundle } from './import-bundle';
import type { Progress } from './import-bundle';
import { verifyAhead } from './verify-ahead';

/**
 * Batch import of submission packages (a whole block at once, issue 14 item 7). Every file goes through
 * `importBundle`, the single import, unchanged: the same verification, register rules and all-or-nothing
 * storage per file. A refused file stores nothing and does not stop the others; a cancel keeps the files
 * already imported and says how many.
 */

/** Limits checked before a single byte of any package is read (docs/security.md: count and size first). */
export const MAX_BATCH_FILES = INBOX_BATCH_MAX_FILES;
export const MAX_BATCH_BYTES = INBOX_BATCH_MAX_BYTES;

export type BatchFile = { name: string; path: string; size: number };

export const checkBatchLimits = (files: readonly BatchFile[]): void => {
  if (files.length === 0) throw AppFailure.of('INBOX_BATCH_EMPTY');
  if (files.length > MAX_BATCH_FILES) throw AppFailure.of('INBOX_BATCH_TOO_MANY', { count: files.length, max: MAX_BATCH_FILES });
  const size = files.reduce((n, f) => n + f.size, 0);
  if (size > MAX_BATCH_BYTES) throw AppFailure.of('INBOX_BATCH_TOO_LARGE', { size, max: MAX_BATCH_BYTES });
};

/**
 * The packages of a folder the user chose in the native dialog (Electron): regular files named *.asice
 * directly in it, by name. Symbolic links and sub-folders are skipped (lstat: never followed); the count
 * is checked on the names before any file is examined further.
 */
export const listBatchFolder = (dir: string): BatchFile[] => {
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && /\.asice$/i.test(d.name))
    .map((d) => d.name)
    .sort((a, b) => a.localeCompare(b));
  if (names.length > MAX_BATCH_FILES) throw AppFailure.of('INBOX_BATCH_TOO_MANY', { count: names.length, max: MAX_BATCH_FILES });
  const files: BatchFile[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const st = lstatSync(path);
    if (st.isFile()) files.push({ name: name.normalize('NFC'), path, size: st.size });
  }
  return files;
};

export type BatchOptions = {
  signal?: AbortSignal;
  onProgress?: Progress;
  /** Tests: the single import to run per file (default importBundle). */
  importOne?: typeof importBundle;
  /** Verification workers (default VERIFY_WORKERS; the batch-import bench compares 2 and 1). */
  verifyWorkers?: number;
};

/** One refusal as data: the verification code when there is one (E_…), else the reason; the Vietnamese message. */
const refusedEntry = (ctx: BackendContext, name: string, e: unknown): InboxBatchFile => {
  const err = toAppError(e, ctx.logger);
  const check = (err.details as { bundleCode?: unknown } | undefined)?.bundleCode;
  return {
    name,
    outcome: 'refused',
    code: typeof check === 'string' ? check : (err.reason ?? err.code),
    message: err.message,
    ...(err.reason ? { reason: err.reason } : {}),
    ...(err.params ? { params: err.params } : {}),
  };
};

/** Progress: done/total are bytes of the whole batch (files finished), the label says which file i/n. */
export const importBatch = async (ctx: BackendContext, files: readonly BatchFile[], o: BatchOptions = {}): Promise<InboxBatchResult> => {
  checkBatchLimits(files);
  const importOne = o.importOne ?? importBundle;
  const progress: Progress = o.onProgress ?? (() => {});
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  const out: InboxBatchFile[] = [];
  let doneBytes = 0;
  // Verification runs ahead of the import in its own workers (verify-ahead.ts); a file that kills a worker gets
  // the next file of that worker a fresh one.
  const ahead = verifyAhead(ctx, files, o.signal, o.verifyWorkers);
  const imported = () => out.filter((f) => f.outcome === 'accepted').length;
  const cancelled = () => AppFailure.of('INBOX_BATCH_CANCELLED', { imported: imported(), total: files.length }, { files: out });
  try {
    for (const [i, f] of files.entries()) {
      if (o.signal?.aborted) throw cancelled();
      const which = { i: i + 1, n: files.length, name: f.name };
      const onProgress: Progress = (_d, _t, stage) => progress(doneBytes, totalBytes, stage ? step('PACKAGE_OF_BATCH_STAGE', { ...which, stage: stage.code }) : undefined);
      progress(doneBytes, totalBytes, step('PACKAGE_OF_BATCH', which));
      const verified = ahead.verdict(i);
      try {
        const r = await importOne(ctx, f.path, {
          ...(o.signal ? { signal: o.signal } : {}),
          onProgress,
          verify: () => verified,
        });
        out.push({ name: f.name, outcome: 'accepted', importId: r.importId, unitName: r.unitName, unitType: r.unitType, year: r.year, revision: r.revision, code: r.code });
      } catch (e) {
        // A cancel during a file: that file stored nothing (importBundle commits all or nothing).
        if (o.signal?.aborted) throw cancelled();
        out.push(refusedEntry(ctx, f.name, e));
      }
      doneBytes += f.size;
    }
  } finally {
    ahead.close();
  }
  progress(totalBytes, totalBytes, step('BATCH_DONE', { n: files.length }));
  const accepted = imported();
  ctx.logger.info('inbox: batch imported', { files: files.length, accepted, refused: files.length - accepted });
  return { total: files.length, accepted, refused: files.length - accepted, files: out };
};
