import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, existsSync, fchmodSync, fsyncSync, lstatSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { AppFailure } from '../../../../shared/ipc/result';
import { dataPaths } from '../../data-dir';
import { fsyncDirSync, renameWithRetrySync } from '../../storage/atomic-write';
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
  if (!isSha256(sha256)) throw new AppFailure('VALIDATION', 'Mã băm tài liệu không hợp lệ');
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

const CHUNK = 1024 * 1024;

/** Re-checks a path that came from a dialog or a drop: a regular file (no symlink, device, folder), within the cap. */
export const checkSourceFile = (path: string, displayName: string, maxBytes: number): { size: number; mtimeMs: number } => {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    throw new AppFailure('FILE_CHANGED', `Không tìm thấy tệp "${displayName}" (tệp đã bị xóa hoặc di chuyển?).`);
  }
  if (!st.isFile()) throw new AppFailure('BAD_FILE', `"${displayName}" không phải là một tệp thông thường.`);
  if (st.size > maxBytes) throw tooLarge(displayName, st.size, maxBytes);
  return { size: st.size, mtimeMs: st.mtimeMs };
};

/**
 * Streams `src` into a new temp file while hashing it: constant memory (1 MiB chunks) whatever the size.
 * The temp file is fsynced before this resolves. On any failure the temp file is removed.
 */
export const copyToTemp = async (dataDir: string, src: string, opts: CopyOptions): Promise<TempCopy> => {
  const before = checkSourceFile(src, opts.displayName, opts.maxBytes);
  const tmpPath = tempPathFor(dataDir);
  inflightTemps.add(tmpPath);
  const hash = createHash('sha256');
  const headParts: Buffer[] = [];
  let headLen = 0;
  let size = 0;
  try {
    const tap = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > opts.maxBytes) return cb(tooLarge(opts.displayName, size, opts.maxBytes));
        try {
          opts.faults?.onChunk?.(size);
        } catch (e) {
          return cb(e as Error);
        }
        hash.update(chunk);
        if (headLen < HEAD_BYTES) {
          const part = chunk.subarray(0, HEAD_BYTES - headLen);
          headParts.push(Buffer.from(part));
          headLen += part.length;
        }
        opts.onBytes?.(size);
        cb(null, chunk);
      },
    });
    // The stream owns its descriptor (it closes it itself on error); fsync goes through a second one.
    const out = createWriteStream(tmpPath, { flags: 'wx', mode: 0o600, highWaterMark: CHUNK });
    await pipeline(createReadStream(src, { highWaterMark: CHUNK }), tap, out, opts.signal ? { signal: opts.signal } : {});
    const fd = openSync(tmpPath, 'r+');
    try {
      // Stored files are read-only: a viewer that saves in place must not be able to alter evidence.
      fchmodSync(fd, 0o444);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const after = statSync(src);
    if (after.size !== before.size || after.size !== size || after.mtimeMs !== before.mtimeMs) {
      throw new AppFailure('FILE_CHANGED', `Tệp "${opts.displayName}" đã thay đổi trong lúc đính kèm. Hãy đóng chương trình đang sửa tệp rồi thử lại.`);
    }
    opts.faults?.afterTempWritten?.(tmpPath);
    return { tmpPath, sha256: hash.digest('hex'), size, head: Buffer.concat(headParts) };
  } catch (e) {
    discardTemp(tmpPath);
    if (opts.signal?.aborted) throw new AppFailure('CANCELLED', 'Đã hủy theo yêu cầu');
    throw e;
  }
};

export const discardTemp = (tmpPath: string): void => {
  inflightTemps.delete(tmpPath);
  rmSync(tmpPath, { force: true });
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
  if (firstCreated) {
    // New shard folders must be durable too, or the renamed file could vanish with them on power loss.
    const root = dataPaths(dataDir).evidence;
    fsyncDirSync(root);
    fsyncDirSync(dirname(dir));
  }
  if (existsSync(final) && statSync(final).size === copy.size) {
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
