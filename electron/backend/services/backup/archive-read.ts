import { createHash } from 'node:crypto';
import { closeSync, createWriteStream, fsyncSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Transform, Writable } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';

import { AppFailure } from '../../../../shared/ipc/result';
import { backupManifestSchema, DATABASE_ENTRY, EVIDENCE_ENTRY, MANIFEST_ENTRY, MAX_MANIFEST_BYTES } from './manifest';
import type { BackupManifest } from './manifest';
import { CONFIG_ENTRY } from './config-files';

const INVALID = 'Tệp này không phải là tệp sao lưu hợp lệ của ứng dụng CCHC Tự đánh giá';

/** Every refusal is BACKUP_INVALID with a Vietnamese reason; nothing on disk has been touched yet. */
export const invalidBackup = (why: string): AppFailure => new AppFailure('BACKUP_INVALID', `${INVALID} (${why}). Dữ liệu hiện tại không bị thay đổi.`);

const openZip = (file: string): Promise<ZipFile> =>
  new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true, decodeStrings: true }, (err, z) =>
      err ? reject(invalidBackup('không đọc được cấu trúc tệp nén')) : resolve(z),
    );
  });

const listEntries = (zip: ZipFile): Promise<Entry[]> =>
  new Promise((resolve, reject) => {
    const out: Entry[] = [];
    zip.on('entry', (e: Entry) => {
      out.push(e);
      if (out.length > 1_000_010) return reject(invalidBackup('quá nhiều mục'));
      zip.readEntry();
    });
    zip.on('end', () => resolve(out));
    zip.on('error', () => reject(invalidBackup('cấu trúc tệp nén bị hỏng')));
    zip.readEntry();
  });

const openEntry = (zip: ZipFile, e: Entry): Promise<Readable> =>
  new Promise((resolve, reject) => zip.openReadStream(e, (err, s) => (err ? reject(invalidBackup(`không đọc được "${e.fileName}"`)) : resolve(s))));

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
    if (signal?.aborted) throw new AppFailure('CANCELLED', 'Đã hủy theo yêu cầu');
    if (err instanceof AppFailure) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    // A write failure into the staging folder is the disk's fault, not the file's: keep its errno code.
    if (dest && typeof code === 'string' && /^E[A-Z]+$/.test(code) && (err as NodeJS.ErrnoException).syscall) throw err;
    throw invalidBackup(`nội dung "${e.fileName}" bị hỏng`);
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
  if (e.uncompressedSize > MAX_MANIFEST_BYTES) throw invalidBackup('bản kê khai quá lớn');
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
    throw invalidBackup('bản kê khai bị hỏng');
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw invalidBackup('bản kê khai không phải JSON');
  }
  const parsed = backupManifestSchema.safeParse(json);
  if (!parsed.success) throw invalidBackup('bản kê khai sai định dạng hoặc của phiên bản khác');
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
    throw new AppFailure('NOT_FOUND', 'Không tìm thấy tệp sao lưu.');
  }
  if (!st.isFile() || st.size < 22) throw invalidBackup('tệp rỗng hoặc quá ngắn');
  const zip = await openZip(file);
  try {
    const entries = await listEntries(zip);
    if (entries[0]?.fileName !== MANIFEST_ENTRY) throw invalidBackup('thiếu bản kê khai');
    const names = new Set<string>();
    for (const e of entries) {
      const key = e.fileName.toLowerCase();
      if (names.has(key)) throw invalidBackup(`mục trùng tên "${e.fileName.slice(0, 80)}"`);
      names.add(key);
      if (e.isEncrypted()) throw invalidBackup('có mục bị mã hóa');
      if (e.fileName !== MANIFEST_ENTRY && e.fileName !== DATABASE_ENTRY && !EVIDENCE_ENTRY.test(e.fileName) && !CONFIG_ENTRY.test(e.fileName)) {
        throw invalidBackup(`mục lạ "${e.fileName.slice(0, 80)}"`);
      }
    }
    const manifest = await readManifest(zip, entries[0]);
    const expected = new Map<string, { size: number; sha256: string }>([[DATABASE_ENTRY, manifest.database]]);
    for (const ev of manifest.evidence) {
      const m = EVIDENCE_ENTRY.exec(ev.path)!;
      if (ev.sha256 !== m[3] || !m[3]!.startsWith(m[1]! + m[2]!)) throw invalidBackup(`tài liệu "${ev.path}" sai địa chỉ nội dung`);
      if (expected.has(ev.path)) throw invalidBackup('bản kê khai có mục trùng');
      expected.set(ev.path, ev);
    }
    for (const f of manifest.files) {
      if (expected.has(f.path)) throw invalidBackup('bản kê khai có mục trùng');
      expected.set(f.path, f);
    }
    if (entries.length !== expected.size + 1) throw invalidBackup('số mục không khớp bản kê khai');
    if (opts.extractTo) {
      mkdirSync(opts.extractTo, { recursive: true });
    }
    let done = 0;
    for (const e of entries.slice(1)) {
      const want = expected.get(e.fileName);
      if (!want) throw invalidBackup(`mục "${e.fileName}" không có trong bản kê khai`);
      if (e.uncompressedSize !== want.size) throw invalidBackup(`kích thước "${e.fileName}" không khớp`);
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
      if (got.size !== want.size || got.sha256 !== want.sha256) throw invalidBackup(`mã băm của "${e.fileName}" không khớp`);
      opts.onProgress?.(++done, expected.size);
    }
    return manifest;
  } finally {
    zip.close();
  }
};
