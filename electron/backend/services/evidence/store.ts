import { createHash, randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { AppFailure } from '../../../../shared/ipc/result';
import { dataPaths } from '../../data-dir';
import { fsyncDir, fsyncDirSync, renameWithRetrySync } from '../../storage/atomic-write';
import { HEAD_BYTES } from './detect';
import { tooLarge } from './limits';

/**
 * The content-addressed store: evidence/ab/cd/<sha256>. A file gets there only by
 *   stream-copy into tmp/ while hashing → fsync → rename → fsync dir,
 * and only after that does the caller insert the database row. So a crash leaves at worst a temp file
 * (cleaned at startup) or an unreferenced complete file (collected by GC), never a row without its file
 * and never a half-written file under its final name.
 */

const HEX64 = /^[0-9a-f]{64}$/;
export const isSha256 = (s: string): boolean => HEX64.test(s);

/** Absolute path of a stored file (the bundle engineer packs evidence from here). */
export const storePathFor = (dataDir: string, sha256: string): string => {
  if (!isSha256(sha256)) throw AppFailure.of('STORE_HASH_INVALID');
  return join(dataPaths(dataDir).evidence, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
};

export const TEMP_PREFIX = 'ev-';
export const TEMP_SUFFIX = '.part';
/** Temp names carry the pid so startup cleanup can tell a crashed process's leftovers from live work. */
const tempPathFor = (dataDir: string): string =>
  join(dataPaths(dataDir).tmp, `${TEMP_PREFIX}${process.pid}-${randomBytes(8).toString('hex')}${TEMP_SUFFIX}`);

/** Temp files being written by this process right now (startup cleanup must not touch them). */
export const inflightTemps = new Set<string>();

/** Test hooks to simulate crashes and I/O faults at the dangerous moments. */
export type StoreFaults = {
  /** After the temp copy is complete and fsynced, before it is renamed into the store. */
  afterTempWritten?: (tmpPath: string) => void;
  /** After the rename into the store, before the database row is written. */
  afterRename?: (finalPath: string) => void;
  /** Wraps each chunk write (throw ENOSPC/EIO here). */
  onChunk?: (bytesSoFar: number) => void;
};

export type CopyOptions = {
  maxBytes: number;
  displayName: string;
  signal?: AbortSignal;
  onBytes?: (bytesSoFar: number) => void;
  faults?: StoreFaults;
};

export type TempCopy = { tmpPath: string; sha256: string; size: number; head: Buffer };

const CHUNK = 4 * 1024 * 1024;

/** Re-checks a path that came from a dialog or a drop: a regular file (no symlink, device, folder), within the cap. */
export const checkSourceFile = (path: string, displayName: string, maxBytes: number): { size: number; mtimeMs: number } => {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    throw AppFailure.of('SOURCE_FILE_MISSING', { name: displayName });
  }
  if (!st.isFile()) throw AppFailure.of('NOT_A_REGULAR_FILE', { name: displayName });
  if (st.size > maxBytes) throw tooLarge(displayName, st.size, maxBytes);
  return { size: st.size, mtimeMs: st.mtimeMs };
};

/** Keeps a promise from being reported as unhandled while we are awaiting something else first. */
const quiet = <T>(p: Promise<T>): Promise<T> => {
  p.catch(() => {});
  return p;
};

const writeAll = async (fh: FileHandle, buf: Buffer, position: number): Promise<void> => {
  for (let off = 0; off < buf.length; ) {
    const { bytesWritten } = await fh.write(buf, off, buf.length - off, position + off);
    off += bytesWritten;
  }
};

/**
 * Copies `src` into a new temp file while hashing it, in constant memory (two 4 MiB buffers, whatever the
 * size): the next read and the current write run in the thread pool while this thread hashes, so the copy
 * costs little more than the hash. The temp file is fsynced before this resolves; on any failure it is removed.
 */
export const copyToTemp = async (dataDir: string, src: string, opts: CopyOptions): Promise<TempCopy> => {
  const before = checkSourceFile(src, opts.displayName, opts.maxBytes);
  const tmpPath = tempPathFor(dataDir);
  inflightTemps.add(tmpPath);
  const hash = createHash('sha256');
  let head = Buffer.alloc(0);
  let size = 0;
  let input: FileHandle | undefined;
  let output: FileHandle | undefined;
  let reading: Promise<unknown> = Promise.resolve();
  let writing: Promise<unknown> = Promise.resolve();
  try {
    input = await open(src, 'r');
    output = await open(tmpPath, 'wx', 0o600);
    const inFh = input;
    const outFh = output;
    const bufs: [Buffer, Buffer] = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
    let which: 0 | 1 = 0;
    let next: Promise<{ bytesRead: number }> = quiet(inFh.read(bufs[0], 0, CHUNK, null));
    reading = next;
    for (;;) {
      const { bytesRead } = await next;
      if (bytesRead === 0) break;
      const cur = bufs[which].subarray(0, bytesRead);
      const at = size;
      size += bytesRead;
      if (size > opts.maxBytes) throw tooLarge(opts.displayName, size, opts.maxBytes);
      if (opts.signal?.aborted) throw AppFailure.of('CANCELLED_BY_USER');
      opts.faults?.onChunk?.(size);
      await writing; // the other buffer is free again
      which = which === 0 ? 1 : 0;
      next = quiet(inFh.read(bufs[which], 0, CHUNK, null));
      reading = next;
      hash.update(cur);
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, cur.subarray(0, HEAD_BYTES - head.length)]);
      writing = quiet(writeAll(outFh, cur, at));
      opts.onBytes?.(size);
    }
    await writing;
    // Stored files are read-only: a viewer that saves in place must not be able to alter evidence.
    await outFh.chmod(0o444);
    await outFh.sync();
    await outFh.close();
    output = undefined;
    await inFh.close();
    input = undefined;
    const after = statSync(src);
    if (after.size !== before.size || after.size !== size || after.mtimeMs !== before.mtimeMs) {
      throw AppFailure.of('SOURCE_CHANGED_WHILE_COPYING', { name: opts.displayName });
    }
    opts.faults?.afterTempWritten?.(tmpPath);
    return { tmpPath, sha256: hash.digest('hex'), size, head };
  } catch (e) {
    await Promise.allSettled([reading, writing]);
    await output?.close().catch(() => {});
    await input?.close().catch(() => {});
    discardTemp(tmpPath);
    if (opts.signal?.aborted) throw AppFailure.of('CANCELLED_BY_USER');
    throw e;
  }
};

export const discardTemp = (tmpPath: string): void => {
  inflightTemps.delete(tmpPath);
  rmSync(tmpPath, { force: true });
};

/** True when the store holds a file under this digest with this size (a damaged, shorter or longer one is not it). */
export const isStored = (dataDir: string, sha256: string, size: number): boolean => {
  const p = storePathFor(dataDir, sha256);
  return existsSync(p) && statSync(p).size === size;
};

/**
 * The folders a newly made shard folder (evidence/ab/cd) needs fsynced, or the file renamed into it could vanish
 * with it on power loss: the store's root and the first-level shard.
 */
const shardParents = (dataDir: string, dir: string): string[] => [dataPaths(dataDir).evidence, dirname(dir)];

/** Shard folders prepareStoreDirs is making, until their parents are durable: folder → that work. */
const pendingDirs = new Map<string, Promise<void>>();

/**
 * The shard folders commitTemp would create for these digests, made and made durable ahead, on the thread pool:
 * a batch import does it as soon as a verdict arrives (services/inbox/verify-ahead.ts), so that its commit only
 * renames and fsyncs the one folder. Two packages needing the same folder wait for the one making it. A folder a
 * refused package leaves empty is harmless. Digests that are not SHA-256 hex are skipped (the importer refuses
 * their package).
 */
export const prepareStoreDirs = async (dataDir: string, sha256s: readonly string[]): Promise<void> => {
  for (const sha of new Set(sha256s.filter(isSha256))) {
    const dir = dirname(storePathFor(dataDir, sha));
    let making = pendingDirs.get(dir);
    if (!making) {
      making = (async () => {
        if (await mkdir(dir, { recursive: true })) for (const parent of shardParents(dataDir, dir)) await fsyncDir(parent);
      })().finally(() => pendingDirs.delete(dir));
      pendingDirs.set(dir, making);
    }
    await making;
  }
};

/**
 * Moves a finished temp copy to its content address (synchronous on purpose: the caller writes the DB row
 * in the same tick, so GC, which is synchronous too, can never run between the two).
 * Returns whether a new file was created (false = deduplicated: the same bytes were already stored).
 */
export const commitTemp = (dataDir: string, copy: TempCopy, faults?: StoreFaults): { path: string; created: boolean } => {
  const final = storePathFor(dataDir, copy.sha256);
  const dir = dirname(final);
  const firstCreated = mkdirSync(dir, { recursive: true });
  // A folder another package's prepareStoreDirs made moments ago may not be durable yet: then fsync here too.
  if (firstCreated || pendingDirs.has(dir)) for (const parent of shardParents(dataDir, dir)) fsyncDirSync(parent);
  if (isStored(dataDir, copy.sha256, copy.size)) {
    discardTemp(copy.tmpPath);
    return { path: final, created: false };
  }
  // Missing, or present with the wrong size (damaged): the fresh, verified copy replaces it.
  renameWithRetrySync(copy.tmpPath, final);
  inflightTemps.delete(copy.tmpPath);
  fsyncDirSync(dir);
  faults?.afterRename?.(final);
  return { path: final, created: true };
};
