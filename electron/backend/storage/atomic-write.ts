import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

const RETRYABLE_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES']);

/**
 * Fault-injection seam for the disk-full / permission tests (test/backend/disk-full): throw an errno-style
 * error (ENOSPC, EIO, EACCES…) at the moments a real disk would fail. Production code never sets these.
 */
export const atomicWriteFaults: {
  /** Before each write of the temp file's bytes. */
  onWrite?: (file: string, bytesSoFar: number) => void;
  /** After the temp file is complete and fsynced, before it replaces the target. */
  beforeRename?: (tmp: string, file: string) => void;
} = {};

const sleepSync = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/** fsync a directory so a rename inside it survives power loss (POSIX; a no-op failure on Windows). */
export const fsyncDirSync = (dir: string): void => {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open directories; NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
};

/** fsyncDirSync on the thread pool, for work that must not hold the event loop. */
export const fsyncDir = async (dir: string): Promise<void> => {
  let fh: FileHandle | undefined;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch {
    // As above: Windows cannot open directories.
  } finally {
    await fh?.close();
  }
};

/**
 * Renames with retries: on Windows, antivirus and the search indexer briefly hold new files open, so a
 * rename can fail with EPERM/EBUSY for a few hundred milliseconds.
 */
export const renameWithRetrySync = (from: string, to: string): void => {
  let delay = 10;
  for (let attempt = 0; ; attempt++) {
    try {
      renameSync(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (process.platform !== 'win32' || !RETRYABLE_RENAME.has(code) || attempt >= 10) throw e;
      sleepSync(delay);
      delay = Math.min(delay * 2, 250);
    }
  }
};

/** Write-to-temp, fsync, rename, fsync dir: readers see the old file or the new one, never half. */
export const writeFileAtomicSync = (file: string, data: string | Uint8Array): void => {
  const tmp = join(dirname(file), `.${basename(file)}.tmp-${randomBytes(6).toString('hex')}`);
  const fd = openSync(tmp, 'w', 0o600);
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) {
      atomicWriteFaults.onWrite?.(file, off);
      off += writeSync(fd, buf, off, buf.length - off);
    }
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
  closeSync(fd);
  try {
    atomicWriteFaults.beforeRename?.(tmp, file);
    renameWithRetrySync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
  fsyncDirSync(dirname(file));
};
