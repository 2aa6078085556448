import { createReadStream } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import { Readable } from 'node:stream';

import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';

import { ALLOWED_DIRS, ASIC_MIMETYPE, ENTRY_NAME_RE } from '../constants';
import type { VerifyLimits } from '../constants';
import { BundleFailure, fail } from './failure';

export type ZipEntryInfo = { name: string; entry: Entry; isDir: boolean };

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

/** Maps yauzl's error texts to verification codes. */
const classify = (e: Error, startsAsZip: boolean): BundleFailure => {
  const m = e.message;
  if (/invalid characters in fileName|absolute path|invalid relative path/i.test(m)) return new BundleFailure('E_BAD_NAME', m);
  if (/multi-disk/i.test(m)) return new BundleFailure('E_MULTI_DISK', m);
  if (/too many bytes|not enough bytes|size mismatch/i.test(m)) return new BundleFailure('E_SIZE_MISMATCH', m);
  if (/encrypt/i.test(m)) return new BundleFailure('E_ENCRYPTED', m);
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
 * Strict, read-only view of a bundle zip (yauzl: central directory first, lazyEntries, strictFileNames,
 * validateEntrySizes, autoClose off). Runs steps 1 and 2 of the procedure; names from the zip are only
 * ever compared with the allow-list, never used as file-system paths.
 */
export class BundleZipReader {
  /** Where each entry's data starts (from its local header), for the fast path of stored entries. */
  private readonly dataStart = new Map<Entry, number>();

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
    try {
      this.zip.close();
    } catch {
      /* already closed */
    }
  }

  /** Step 2: the entry table, with every structural check. Returns entries in central-directory order. */
  async readEntries(limits: VerifyLimits): Promise<ZipEntryInfo[]> {
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
      if (isDir) {
        if (!ALLOWED_DIRS.has(name)) fail('E_UNEXPECTED_ENTRY', name);
      } else {
        if (!ENTRY_NAME_RE.test(name)) fail('E_UNEXPECTED_ENTRY', name);
        if (mode === S_IFDIR) fail('E_UNEXPECTED_ENTRY', `${name}: directory posing as a file`);
      }
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
    await this.checkLocalHeaders(entries);
    return entries;
  }

  /**
   * Against parser differentials: every local header must carry the central directory's name, method and
   * flags, and entries must not overlap (several central records pointing at the same data).
   */
  private async checkLocalHeaders(entries: ZipEntryInfo[]): Promise<void> {
    const spans: { start: number; end: number; name: string }[] = [];
    for (const { name, entry } of entries) {
      let local;
      try {
        local = await this.zip.readLocalFileHeaderPromise(entry);
      } catch (e) {
        throw classify(e as Error, this.startsAsZip);
      }
      if (!Buffer.from(local.fileName).equals(entry.fileNameRaw)) fail('E_HEADER_MISMATCH', `${name}: local name differs`);
      if (local.compressionMethod !== entry.compressionMethod) fail('E_HEADER_MISMATCH', `${name}: method differs`);
      if ((local.generalPurposeBitFlag & 0x1) !== 0) fail('E_ENCRYPTED', name);
      if (name === 'mimetype' && local.extraFieldLength !== 0) fail('E_MIMETYPE', 'local header has an extra field');
      this.dataStart.set(entry, local.fileDataStart);
      spans.push({ start: entry.relativeOffsetOfLocalHeader, end: local.fileDataStart + entry.compressedSize, name });
    }
    spans.sort((a, b) => a.start - b.start);
    for (let i = 1; i < spans.length; i++) {
      if (spans[i]!.start < spans[i - 1]!.end) fail('E_HEADER_MISMATCH', `${spans[i]!.name} overlaps ${spans[i - 1]!.name}`);
    }
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
   * The entry's content. Stored entries are read straight from the file range the local header points at
   * (1 MiB reads; yauzl already checked compressed = uncompressed size for stored data and that the range
   * lies inside the file); deflated entries go through yauzl, which stops at the declared size.
   */
  async stream(info: ZipEntryInfo): Promise<Readable> {
    const start = this.dataStart.get(info.entry);
    const size = info.entry.compressedSize;
    if (info.entry.compressionMethod === 0 && start !== undefined && size === info.entry.uncompressedSize) {
      if (size === 0) return Readable.from([]);
      return createReadStream(this.file, { start, end: start + size - 1, highWaterMark: 1024 * 1024 });
    }
    try {
      return await this.zip.openReadStreamPromise(info.entry);
    } catch (e) {
      throw classify(e as Error, this.startsAsZip);
    }
  }

  /** Reads a whole (small) entry; the cap applies to the declared and (through yauzl) the real size. */
  async readSmall(info: ZipEntryInfo, max: number, code: 'E_META_TOO_LARGE' | 'E_MIMETYPE'): Promise<Buffer> {
    if (info.entry.uncompressedSize > max) fail(code, `${info.name}: ${info.entry.uncompressedSize} bytes`);
    const rs = await this.stream(info);
    const chunks: Buffer[] = [];
    let n = 0;
    try {
      for await (const c of rs as AsyncIterable<Buffer>) {
        n += c.length;
        if (n > max) fail(code, `${info.name}: more than ${max} bytes`);
        chunks.push(c);
      }
    } catch (e) {
      if (e instanceof BundleFailure) throw e;
      throw classify(e as Error, this.startsAsZip);
    }
    return Buffer.concat(chunks);
  }

  classifyError(e: unknown): BundleFailure {
    return e instanceof BundleFailure ? e : classify(e as Error, this.startsAsZip);
  }
}
