import { readSync } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';

import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';

import { ASIC_MIMETYPE } from '../constants';
import type { VerifyLimits } from '../constants';
import { BundleFailure, fail } from './failure';
import { SUBMISSION_PROFILE } from './profile';
import type { ContainerProfile } from './profile';
import { parseExtraFields } from './zip-extra';
import { readZipLayout } from './zip-structure';

/** `isDir` is always false once readEntries returned (directory entries are refused); kept for callers that filter on it. */
export type ZipEntryInfo = { name: string; entry: Entry; isDir: boolean };

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
/** FILE_ATTRIBUTE_DIRECTORY in the MS-DOS byte of the external attributes. */
const MSDOS_DIR = 0x10;

/** eachChunk's read size for stored entries. */
const CHUNK_BYTES = 1024 * 1024;

/** Maps yauzl's error texts to verification codes. */
const classify = (e: Error, startsAsZip: boolean): BundleFailure => {
  const m = e.message;
  if (/invalid characters in fileName|absolute path|invalid relative path/i.test(m)) return new BundleFailure('E_BAD_NAME', m);
  if (/multi-disk/i.test(m)) return new BundleFailure('E_MULTI_DISK', m);
  if (/too many bytes|not enough bytes|size mismatch/i.test(m)) return new BundleFailure('E_SIZE_MISMATCH', m);
  if (/encrypt/i.test(m)) return new BundleFailure('E_ENCRYPTED', m);
  if (/extra field/i.test(m)) return new BundleFailure('E_EXTRA_FIELD', m);
  if (/compression method/i.test(m)) return new BundleFailure('E_METHOD', m);
  if (/End of central directory record signature not found/i.test(m)) {
    return new BundleFailure(startsAsZip ? 'E_TRUNCATED' : 'E_NOT_ZIP', m);
  }
  if (/invalid local file header|file data overflows|unexpected EOF|invalid central directory|zip64|comment length/i.test(m)) {
    return new BundleFailure('E_TRUNCATED', m);
  }
  if (/invalid (block|stored|distance|code)|incorrect header|unexpected end of file|Z_/i.test(m)) return new BundleFailure('E_TRUNCATED', m);
  return new BundleFailure('E_IO', m);
};

/**
 * Counts an entry's bytes and their CRC-32 while they are hashed; `finish` compares both with the central
 * directory (the CRC-32 is what unzip -t and Python's testzip() check; we check it too).
 */
export class EntryCheck {
  private crc = 0;
  private bytes = 0;

  constructor(private readonly info: ZipEntryInfo) {}

  update(chunk: Buffer): void {
    this.crc = crc32(chunk, this.crc);
    this.bytes += chunk.length;
  }

  finish(): void {
    const e = this.info.entry;
    if (this.bytes !== e.uncompressedSize) fail('E_SIZE_MISMATCH', `${this.info.name}: ${this.bytes} bytes, ${e.uncompressedSize} declared`);
    if (this.crc >>> 0 !== e.crc32 >>> 0) {
      fail('E_CRC_MISMATCH', `${this.info.name}: CRC-32 ${(this.crc >>> 0).toString(16)}, ${(e.crc32 >>> 0).toString(16)} declared`);
    }
  }
}

/**
 * Strict, read-only view of a bundle zip (yauzl: central directory first, lazyEntries, strictFileNames,
 * validateEntrySizes, autoClose off), cross-checked with our own reading of the zip's bookkeeping
 * (zip-structure.ts). Runs steps 1 and 2 of the procedure; names from the zip are only ever compared with
 * the allow-list, never used as file-system paths.
 */
export class BundleZipReader {
  /** Where each entry's data starts (from its local header), for the fast path of stored entries. */
  private readonly dataStart = new Map<Entry, number>();
  /** eachChunk's file handle and buffer, opened on first use, closed with the reader. */
  private fh: FileHandle | null = null;
  private buffer: Buffer | null = null;
  /**
   * The verification worker reads stored entries synchronously: it has nothing else to do meanwhile, and a
   * thread-pool round trip per MiB left it idle a third of the time in a batch import. Never in the app's
   * main process (a long entry would block its event loop).
   */
  blockingReads = false;

  private constructor(
    private readonly zip: ZipFile,
    private readonly startsAsZip: boolean,
    private readonly file: string,
  ) {}

  static async open(file: string, limits: VerifyLimits): Promise<BundleZipReader> {
    let startsAsZip = false;
    try {
      const fh = await openFile(file, 'r');
      try {
        const st = await fh.stat();
        if (!st.isFile()) fail('E_IO', 'not a regular file');
        if (st.size > limits.maxBundleBytes) fail('E_LIMIT', `bundle is ${st.size} bytes`);
        if (st.size === 0) fail('E_NOT_ZIP', 'empty file');
        const head = Buffer.alloc(4);
        await fh.read(head, 0, 4, 0);
        startsAsZip = head.readUInt32LE(0) === 0x04034b50;
      } finally {
        await fh.close();
      }
    } catch (e) {
      if (e instanceof BundleFailure) throw e;
      fail('E_IO', (e as Error).message);
    }
    const zip = await new Promise<ZipFile>((resolve, reject) => {
      yauzl.open(
        file,
        { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true, decodeStrings: true },
        (err, z) => (err ? reject(classify(err, startsAsZip)) : resolve(z)),
      );
    });
    return new BundleZipReader(zip, startsAsZip, file);
  }

  close(): void {
    void this.fh?.close().catch(() => {});
    this.fh = null;
    try {
      this.zip.close();
    } catch {
      /* already closed */
    }
  }

  /** Step 2: the entry table, with every structural check. Returns entries in central-directory order. */
  async readEntries(limits: VerifyLimits, profile: ContainerProfile = SUBMISSION_PROFILE): Promise<ZipEntryInfo[]> {
    if (this.zip.entryCount > limits.maxEntries) fail('E_LIMIT', `${this.zip.entryCount} entries`);
    const entries: ZipEntryInfo[] = [];
    const seen = new Set<string>();
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      const onError = (e: Error): void => reject(e instanceof BundleFailure ? e : classify(e, this.startsAsZip));
      this.zip.on('error', onError);
      this.zip.on('end', () => resolve());
      this.zip.on('entry', (entry: Entry) => {
        try {
          const name = entry.fileName;
          // First: an extra field (Unicode Path 0x7075) may already have renamed the entry in yauzl's view.
          parseExtraFields(entry.extraFieldRaw, name);
          const isDir = name.endsWith('/');
          if (entry.generalPurposeBitFlag & 0x1 || entry.isEncrypted()) fail('E_ENCRYPTED', name);
          if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) fail('E_METHOD', `${name}: method ${entry.compressionMethod}`);
          entries.push({ name, entry, isDir });
          this.zip.readEntry();
        } catch (e) {
          onError(e as Error);
        }
      });
      this.zip.readEntry();
    });
    if (entries.length === 0) fail('E_MIMETYPE', 'empty archive');
    // Duplicates over the whole table first: a colliding pair is hostile whatever else is wrong with it.
    for (const { name } of entries) {
      const key = name.normalize('NFC').toLowerCase();
      if (seen.has(key)) fail('E_DUPLICATE_ENTRY', name);
      seen.add(key);
    }
    entries.forEach(({ name, entry, isDir }, index) => {
      const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
      if (mode !== 0 && mode !== S_IFREG && mode !== S_IFDIR) fail('E_SYMLINK', `${name}: mode ${mode.toString(8)}`);
      // No directory entries at all: other tools extract the data a directory entry may carry.
      if (isDir) fail(profile.folders.has(name) ? 'E_DIRECTORY_ENTRY' : 'E_UNEXPECTED_ENTRY', `${name}: ${entry.uncompressedSize} bytes`);
      if (!profile.entryName.test(name)) fail('E_UNEXPECTED_ENTRY', name);
      if (mode === S_IFDIR || (entry.externalFileAttributes & MSDOS_DIR) !== 0) fail('E_UNEXPECTED_ENTRY', `${name}: directory posing as a file`);
      if (index === 0 && name !== 'mimetype') fail('E_MIMETYPE', `first entry is ${name}`);
      if (name === 'mimetype' && index !== 0) fail('E_MIMETYPE', 'mimetype is not the first entry');
      if (entry.uncompressedSize > limits.maxEntryBytes) fail('E_LIMIT', `${name}: ${entry.uncompressedSize} bytes`);
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) fail('E_LIMIT', `total ${total} bytes`);
      if (
        entry.compressionMethod === 8 &&
        entry.uncompressedSize > 1024 * 1024 &&
        entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)
      ) {
        fail('E_RATIO', `${name}: ${entry.uncompressedSize} / ${entry.compressedSize}`);
      }
    });
    await this.checkLayout(entries, limits);
    return entries;
  }

  /**
   * Against parser differentials: our own reading of the end records, the whole central directory, every
   * local header and data descriptor (zip-structure.ts) must describe exactly the entries yauzl listed.
   */
  private async checkLayout(entries: ZipEntryInfo[], limits: VerifyLimits): Promise<void> {
    let layout;
    const fh = await openFile(this.file, 'r').catch((e: Error) => fail('E_IO', e.message));
    try {
      layout = await readZipLayout(fh, (await fh.stat()).size, limits);
    } finally {
      await fh.close();
    }
    if (layout.records.length !== entries.length) fail('E_ZIP_STRUCTURE', `${layout.records.length} central records, ${entries.length} entries read`);
    entries.forEach(({ name, entry }, i) => {
      const r = layout.records[i]!;
      const same =
        r.offset === entry.relativeOffsetOfLocalHeader &&
        r.nameRaw.equals(entry.fileNameRaw) &&
        r.csize === entry.compressedSize &&
        r.usize === entry.uncompressedSize &&
        r.crc === entry.crc32 &&
        r.method === entry.compressionMethod;
      if (!same) fail('E_ZIP_STRUCTURE', `${name}: central record read differently by two parsers`);
      this.dataStart.set(entry, layout.dataStart[i]!);
    });
  }

  /** Step 2 (last item): mimetype stored, no extra field, exact content. */
  async checkMimetype(first: ZipEntryInfo): Promise<void> {
    const e = first.entry;
    if (first.name !== 'mimetype') fail('E_MIMETYPE', 'missing');
    if (e.compressionMethod !== 0) fail('E_MIMETYPE', 'compressed');
    if (e.extraFieldLength !== 0) fail('E_MIMETYPE', 'central header has an extra field');
    const content = await this.readSmall(first, 256, 'E_MIMETYPE');
    if (content.toString('latin1') !== ASIC_MIMETYPE) fail('E_MIMETYPE', `content "${content.toString('latin1').slice(0, 60)}"`);
  }

  /**
   * The entry's content as a stream through yauzl, which stops at the declared size (deflated entries, and
   * callers that want a stream; eachChunk reads stored entries itself). Callers feed the chunks to an
   * EntryCheck (CRC-32 and size).
   */
  async stream(info: ZipEntryInfo): Promise<Readable> {
    try {
      return await this.zip.openReadStreamPromise(info.entry);
    } catch (e) {
      throw classify(e as Error, this.startsAsZip);
    }
  }

  /**
   * Feeds the entry's content to `onChunk`, in order. Stored entries are read with positional reads into one
   * buffer this reader reuses (a chunk is valid only during the call: copy what you keep) — streaming a few
   * hundred MiB through fresh 1 MiB buffers cost a batch import more in garbage collection than in hashing
   * (docs/performance.md "Batch import"). Deflated entries go through yauzl (stream).
   */
  async eachChunk(info: ZipEntryInfo, onChunk: (chunk: Buffer) => void): Promise<void> {
    const start = this.dataStart.get(info.entry);
    const size = info.entry.compressedSize;
    if (info.entry.compressionMethod === 0 && start !== undefined && size === info.entry.uncompressedSize) {
      this.fh ??= await openFile(this.file, 'r').catch((e: Error) => fail('E_IO', e.message));
      this.buffer ??= Buffer.allocUnsafe(CHUNK_BYTES);
      for (let pos = start, left = size; left > 0; ) {
        const bytesRead = this.blockingReads
          ? readSync(this.fh.fd, this.buffer, 0, Math.min(left, CHUNK_BYTES), pos)
          : (await this.fh.read(this.buffer, 0, Math.min(left, CHUNK_BYTES), pos)).bytesRead;
        if (bytesRead === 0) fail('E_TRUNCATED', `${info.name}: file ends inside the entry`);
        onChunk(this.buffer.subarray(0, bytesRead));
        pos += bytesRead;
        left -= bytesRead;
      }
      return;
    }
    try {
      for await (const c of (await this.stream(info)) as AsyncIterable<Buffer>) onChunk(c);
    } catch (e) {
      throw this.classifyError(e);
    }
  }

  /** Reads a whole (small) entry; the cap applies to the declared and the real size; CRC-32 checked. */
  async readSmall(info: ZipEntryInfo, max: number, code: 'E_META_TOO_LARGE' | 'E_MIMETYPE'): Promise<Buffer> {
    if (info.entry.uncompressedSize > max) fail(code, `${info.name}: ${info.entry.uncompressedSize} bytes`);
    const chunks: Buffer[] = [];
    const check = new EntryCheck(info);
    let n = 0;
    await this.eachChunk(info, (c) => {
      n += c.length;
      if (n > max) fail(code, `${info.name}: more than ${max} bytes`);
      check.update(c);
      chunks.push(Buffer.from(c)); // a copy: eachChunk reuses its buffer
    });
    check.finish();
    return Buffer.concat(chunks);
  }

  classifyError(e: unknown): BundleFailure {
    return e instanceof BundleFailure ? e : classify(e as Error, this.startsAsZip);
  }
}
