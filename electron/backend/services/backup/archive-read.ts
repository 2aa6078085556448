import { createHash } from 'node:crypto';
import { closeSync, createWriteStream, fsyncSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Transform, Writable } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';

import type { Phrase } from '../../../../shared/ipc/errors/index';
import { AppFailure } from '../../../../shared/ipc/result';
import { BACKUP_LIMITS, checkEntryLimits } from './archive-limits';
import { backupManifestSchema, DATABASE_ENTRY, EVIDENCE_ENTRY, MANIFEST_ENTRY, MAX_MANIFEST_BYTES } from './manifest';
import type { BackupManifest } from './manifest';
import { CONFIG_ENTRY } from './config-files';

type BackupWhy = Extract<Phrase, `BK_${string}`>;

/** Every refusal is BACKUP_NOT_VALID with why (a BK_* phrase, `entry` where it names one); nothing on disk was touched yet. */
export const invalidBackup = (why: BackupWhy, entry?: string): AppFailure =>
  AppFailure.of('BACKUP_NOT_VALID', entry === undefined ? { why } : { why, entry });

const openZip = (file: string): Promise<ZipFile> =>
  new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true, decodeStrings: true }, (err, z) =>
      err ? reject(invalidBackup('BK_ZIP_UNREADABLE')) : resolve(z),
    );
  });

/** The central directory, each entry held to its size and ratio limits (archive-limits.ts) before any is read. */
const listEntries = (zip: ZipFile): Promise<Entry[]> =>
  new Promise((resolve, reject) => {
    const out: Entry[] = [];
    if (zip.entryCount > BACKUP_LIMITS.maxEntries) return reject(invalidBackup('BK_TOO_MANY_ENTRIES'));
    zip.on('entry', (e: Entry) => {
      out.push(e);
      if (out.length > BACKUP_LIMITS.maxEntries) return reject(invalidBackup('BK_TOO_MANY_ENTRIES'));
      try {
        checkEntryLimits(e);
      } catch (err) {
        return reject(err);
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve(out));
    zip.on('error', () => reject(invalidBackup('BK_ZIP_BROKEN')));
    zip.readEntry();
  });

const openEntry = (zip: ZipFile, e: Entry): Promise<Readable> =>
  new Promise((resolve, reject) => zip.openReadStream(e, (err, s) => (err ? reject(invalidBackup('BK_ENTRY_UNREADABLE', e.fileName)) : resolve(s))));

/** Streams one entry through SHA-256 (and into `dest` when extracting); size checked by yauzl and here. */
const digestEntry = async (zip: ZipFile, e: Entry, dest: string | null, signal?: AbortSignal): Promise<{ sha256: string; size: number }> => {
  const h = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      h.update(chunk);
      cb(null, chunk);
    },
  });
  const sink = dest ? createWriteStream(dest, { flags: 'wx', mode: 0o600 }) : new Writable({ write: (_c, _e, cb) => cb() });
  try {
    await pipeline(await openEntry(zip, e), tap, sink, signal ? { signal } : {});
  } catch (err) {
    if (signal?.aborted) throw AppFailure.of('CANCELLED_BY_USER');
    if (err instanceof AppFailure) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    // A write failure into the staging folder is the disk's fault, not the file's: keep its errno code.
    if (dest && typeof code === 'string' && /^E[A-Z]+$/.test(code) && (err as NodeJS.ErrnoException).syscall) throw err;
    throw invalidBackup('BK_ENTRY_BROKEN', e.fileName);
  }
  if (dest) {
    const fd = openSync(dest, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  return { sha256: h.digest('hex'), size };
};

const readManifest = async (zip: ZipFile, e: Entry): Promise<BackupManifest> => {
  if (e.uncompressedSize > MAX_MANIFEST_BYTES) throw invalidBackup('BK_MANIFEST_TOO_LARGE');
  const chunks: Buffer[] = [];
  let len = 0;
  try {
    await pipeline(
      await openEntry(zip, e),
      new Writable({
        write(c: Buffer, _enc, cb) {
          len += c.length;
          if (len > MAX_MANIFEST_BYTES) return cb(new Error('too big'));
          chunks.push(c);
          cb();
        },
      }),
    );
  } catch (err) {
    if (err instanceof AppFailure) throw err;
    throw invalidBackup('BK_MANIFEST_BROKEN');
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw invalidBackup('BK_MANIFEST_NOT_JSON');
  }
  const parsed = backupManifestSchema.safeParse(json);
  if (!parsed.success) throw invalidBackup('BK_MANIFEST_FORMAT');
  return parsed.data;
};

export type ReadOptions = {
  /** Extract into this (empty) staging folder: cchc.sqlite and evidence/ab/cd/<sha>. */
  extractTo?: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
};

/**
 * Opens a backup file and verifies it completely: the manifest is the first entry and matches its schema;
 * the entries are exactly the manifest's (no extra, missing or duplicate names, nothing encrypted); every
 * entry's size and SHA-256 match; every evidence file's hash equals its content address.
 * Names from the archive are only compared with patterns, and extraction paths are built from the
 * verified hash, never from the archive's text.
 */
export const readBackupArchive = async (file: string, opts: ReadOptions = {}): Promise<BackupManifest> => {
  let st;
  try {
    st = statSync(file);
  } catch {
    throw AppFailure.of('BACKUP_FILE_NOT_FOUND');
  }
  if (!st.isFile() || st.size < 22) throw invalidBackup('BK_FILE_TOO_SHORT');
  const zip = await openZip(file);
  try {
    const entries = await listEntries(zip);
    if (entries[0]?.fileName !== MANIFEST_ENTRY) throw invalidBackup('BK_NO_MANIFEST');
    const names = new Set<string>();
    for (const e of entries) {
      const key = e.fileName.toLowerCase();
      if (names.has(key)) throw invalidBackup('BK_DUPLICATE_ENTRY', e.fileName.slice(0, 80));
      names.add(key);
      if (e.isEncrypted()) throw invalidBackup('BK_ENCRYPTED_ENTRY');
      if (e.fileName !== MANIFEST_ENTRY && e.fileName !== DATABASE_ENTRY && !EVIDENCE_ENTRY.test(e.fileName) && !CONFIG_ENTRY.test(e.fileName)) {
        throw invalidBackup('BK_UNKNOWN_ENTRY', e.fileName.slice(0, 80));
      }
    }
    const manifest = await readManifest(zip, entries[0]);
    const expected = new Map<string, { size: number; sha256: string }>([[DATABASE_ENTRY, manifest.database]]);
    for (const ev of manifest.evidence) {
      const m = EVIDENCE_ENTRY.exec(ev.path)!;
      if (ev.sha256 !== m[3] || !m[3]!.startsWith(m[1]! + m[2]!)) throw invalidBackup('BK_WRONG_ADDRESS', ev.path);
      if (expected.has(ev.path)) throw invalidBackup('BK_MANIFEST_DUPLICATE');
      expected.set(ev.path, ev);
    }
    for (const f of manifest.files) {
      if (expected.has(f.path)) throw invalidBackup('BK_MANIFEST_DUPLICATE');
      expected.set(f.path, f);
    }
    if (entries.length !== expected.size + 1) throw invalidBackup('BK_COUNT_MISMATCH');
    if (opts.extractTo) {
      mkdirSync(opts.extractTo, { recursive: true });
    }
    let done = 0;
    for (const e of entries.slice(1)) {
      const want = expected.get(e.fileName);
      if (!want) throw invalidBackup('BK_NOT_IN_MANIFEST', e.fileName);
      if (e.uncompressedSize !== want.size) throw invalidBackup('BK_SIZE_MISMATCH', e.fileName);
      let dest: string | null = null;
      if (opts.extractTo) {
        if (e.fileName === DATABASE_ENTRY) dest = join(opts.extractTo, DATABASE_ENTRY);
        else if (CONFIG_ENTRY.test(e.fileName)) {
          // The name matched CONFIG_ENTRY: a fixed folder and a plain file name, so it stays in staging.
          const [folder, name] = e.fileName.split('/') as [string, string];
          mkdirSync(join(opts.extractTo, folder), { recursive: true });
          dest = join(opts.extractTo, folder, name);
        } else {
          const sha = want.sha256;
          const dir = join(opts.extractTo, 'evidence', sha.slice(0, 2), sha.slice(2, 4));
          mkdirSync(dir, { recursive: true });
          dest = join(dir, sha);
        }
      }
      const got = await digestEntry(zip, e, dest, opts.signal);
      if (got.size !== want.size || got.sha256 !== want.sha256) throw invalidBackup('BK_HASH_MISMATCH', e.fileName);
      opts.onProgress?.(++done, expected.size);
    }
    return manifest;
  } finally {
    zip.close();
  }
};
