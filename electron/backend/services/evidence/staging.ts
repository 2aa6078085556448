import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import { join } from 'node:path';

import { EVIDENCE_PATH_RE } from '../../../../shared/schemas/submission';
import { dataPaths } from '../../data-dir';
import { isStored, TEMP_PREFIX, TEMP_SUFFIX } from './store';

/**
 * Staging: the verification worker writes a package's evidence entries into temp files of the store while it
 * hashes them, so the importer never reads the package a second time (services/inbox/import-bundle.ts). The
 * bytes staged are exactly the bytes whose SHA-256 and CRC-32 the worker checked; the importer then only
 * renames them into the store (evidence/store.ts commitTemp) in the tick of its transaction.
 *
 * The importing process owns the names: it opens a prefix in the store's tmp/ carrying its own pid (so the
 * cleanup of evidence/gc.ts keeps them while registered, and removes them once the process is gone) and closes
 * it when the package is committed or refused, which removes whatever was not committed.
 */

/** Prefixes opened by this process (evidence/gc.ts cleanupTempFiles keeps files under them). */
const openPrefixes = new Set<string>();

export const openStaging = (dataDir: string): string => {
  const dir = dataPaths(dataDir).tmp;
  mkdirSync(dir, { recursive: true });
  const prefix = join(dir, `${TEMP_PREFIX}${process.pid}-${randomBytes(8).toString('hex')}-`);
  openPrefixes.add(prefix);
  return prefix;
};

/** Removes every file still under the prefix (not committed) and forgets it. */
export const closeStaging = (prefix: string): void => {
  openPrefixes.delete(prefix);
  const dir = join(prefix, '..');
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  // recursive: whatever is there, a folder too (a compromised worker may make one); links are removed, never followed.
  for (const name of names) if (join(dir, name).startsWith(prefix)) rmSync(join(dir, name), { force: true, recursive: true });
};

/**
 * Importer side, before commitTemp: each staged file made durable and read-only (the store's discipline,
 * evidence/store.ts), on the thread pool. Opened for writing: Windows flushes only a handle that may write.
 */
export const sealStaged = async (staged: readonly StagedEntry[]): Promise<void> => {
  await Promise.all(
    staged.map(async (t) => {
      const fh = await openFile(t.tmpPath, 'r+');
      try {
        await fh.sync();
        await fh.chmod(0o444);
      } finally {
        await fh.close();
      }
    }),
  );
};

export const isStagingFile = (path: string): boolean => [...openPrefixes].some((p) => path.startsWith(p));

/**
 * Whether a path the worker reports as staged is one this process's stager could have written under the prefix:
 * exactly `<prefix><n><TEMP_SUFFIX>` (entryStager below). A prefix test alone would let a compromised worker
 * name `<prefix>0/../../any-file`, which the importer would then seal and move into the store.
 */
export const isOwnStaged = (prefix: string, tmpPath: string): boolean =>
  tmpPath.startsWith(prefix) && tmpPath.endsWith(TEMP_SUFFIX) && /^\d{1,9}$/.test(tmpPath.slice(prefix.length, tmpPath.length - TEMP_SUFFIX.length));

/** What the importer asks of the worker: where to stage, and whether small files the store holds are skipped. */
export type StageRequest = { prefix: string; dataDir: string; reuse: boolean };

/** One evidence entry written under the prefix. */
export type StagedEntry = { path: string; tmpPath: string; sha256: string; size: number };

/** Receives one entry's bytes in order; `finish` once its digest and CRC-32 checked out. */
export type EntrySink = { write: (chunk: Buffer) => void; finish: (sha256: string) => void };

/**
 * Entries up to this size are held in memory until their digest is known and written only when the store does
 * not already hold them (a unit re-sends the same small documents in each revision); larger ones are written
 * while they are hashed, and a duplicate is dropped at commit.
 */
export const HELD_BYTES = 1024 * 1024;

/** Worker side: a sink per evidence entry (null for other entries), and what was staged. */
export const entryStager = (req: StageRequest) => {
  const staged: StagedEntry[] = [];
  const created: string[] = [];
  /** The errno code of a write that failed (a full disk is the importer's DISK_FULL, not a bad package). */
  let failure: string | null = null;
  const guard = <T>(io: () => T): T => {
    try {
      return io();
    } catch (e) {
      failure ??= (e as NodeJS.ErrnoException).code ?? 'EIO';
      throw e;
    }
  };
  const open = new Set<number>();
  let n = 0;
  const writeAll = (fd: number, chunk: Buffer, at: number): void =>
    guard(() => {
      for (let off = 0; off < chunk.length; ) off += writeSync(fd, chunk, off, chunk.length - off, at + off);
    });
  const create = (tmpPath: string): number => {
    const fd = guard(() => openSync(tmpPath, 'wx', 0o600));
    created.push(tmpPath);
    open.add(fd);
    return fd;
  };
  // Not fsynced here: the importer does it (sealStaged), off its event loop, while this worker goes on
  // to the next package (a synchronous fsync per package was a quarter of the worker's time).
  const seal = (fd: number): void => {
    open.delete(fd);
    closeSync(fd);
  };
  const sink = (path: string, size: number): EntrySink | null => {
    if (!EVIDENCE_PATH_RE.test(path)) return null;
    const tmpPath = `${req.prefix}${n++}${TEMP_SUFFIX}`;
    if (req.reuse && size <= HELD_BYTES) {
      const held: Buffer[] = [];
      return {
        write: (chunk) => held.push(Buffer.from(chunk)), // a copy: the zip reader reuses its buffer
        finish: (sha256) => {
          if (isStored(req.dataDir, sha256, size)) return;
          const fd = create(tmpPath);
          let at = 0;
          try {
            for (const c of held) {
              writeAll(fd, c, at);
              at += c.length;
            }
          } finally {
            seal(fd);
          }
          staged.push({ path, tmpPath, sha256, size });
        },
      };
    }
    let fd: number | null = null;
    let at = 0;
    return {
      write: (chunk) => {
        fd ??= create(tmpPath);
        writeAll(fd, chunk, at);
        at += chunk.length;
      },
      finish: (sha256) => {
        fd ??= create(tmpPath); // an empty file
        const f = fd;
        fd = null;
        seal(f);
        staged.push({ path, tmpPath, sha256, size });
      },
    };
  };
  /** A refused package stages nothing: every file written is removed. */
  const discardAll = (): void => {
    for (const fd of open) closeSync(fd);
    open.clear();
    for (const p of created) rmSync(p, { force: true });
    staged.length = 0;
  };
  return { sink, staged, discardAll, failure: () => failure };
};
