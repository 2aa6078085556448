import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { Transform, Writable } from 'node:stream';
import type { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';

import yazl from 'yazl';

import { ASIC_MIMETYPE, FIXED_MTIME } from './constants';
import { CHUNK, HashWorker } from './hash-worker';

export type WrittenEntry = { path: string; size: number; sha256: string };

export type ZipWriterOptions = {
  /** Hash the whole output while writing (the bundle's SHA-256 for the submission record). */
  hashOutput?: boolean;
  /** Tests only: use ZIP64 records even for small entries, to exercise that path. */
  forceZip64?: boolean;
  /** fsync before close (default true: the export renames the file next, so it must be on disk first). */
  fsync?: boolean;
};

/**
 * yazl writes DOS date/time from the LOCAL components of a Date: build (per entry, so a changed TZ is
 * honoured) a Date whose local components are FIXED_MTIME's UTC ones, so every entry carries the same stamp
 * whatever the machine's time zone.
 */
const entryMtime = (): Date =>
  new Date(
    FIXED_MTIME.getUTCFullYear(),
    FIXED_MTIME.getUTCMonth(),
    FIXED_MTIME.getUTCDate(),
    FIXED_MTIME.getUTCHours(),
    FIXED_MTIME.getUTCMinutes(),
    FIXED_MTIME.getUTCSeconds(),
  );
const BUNDLE_STREAM = 'bundle';

/** Tests only: called before each write with the bytes written so far (throw to simulate ENOSPC). */
export const zipWriterFaults: { onWrite?: (written: number) => void } = {};

/**
 * The bundle's zip (ASiC-E) on top of yazl (also used by the backup): `mimetype` first, STORED, no extra
 * field (forceDosTimestamp drops yazl's timestamp field); every entry the same fixed mtime and mode; ZIP64
 * records only where a size or offset needs them (yazl decides). A hand-written writer was measured against
 * yazl and `zip -0` and did not earn its upkeep (docs/performance.md, "Zip writer decision").
 * The output is sequential, so the bundle's SHA-256 is computed while it is written; that and each evidence
 * file's SHA-256 run on a worker thread (hash-worker.ts). Tests check the output with yauzl, Info-ZIP
 * `unzip -t` and openssl.
 */
export class BundleZipWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly hasher = new HashWorker();
  private readonly names = new Set<string>();
  private readonly output: Promise<void>;
  /** Rejects when the output fails (disk full, yazl error); never resolves. */
  private readonly failed: Promise<never>;
  private pos = 0;
  private entries = 0;
  private closed = false;

  private constructor(
    private readonly fh: FileHandle,
    private readonly opts: ZipWriterOptions,
  ) {
    const sink = new Writable({
      highWaterMark: CHUNK,
      write: (chunk: Buffer, _enc, cb) => {
        const hashed = opts.hashOutput ? this.hasher.update(BUNDLE_STREAM, chunk) : Promise.resolve();
        Promise.all([this.writeAll(chunk), hashed]).then(() => cb(), cb);
      },
    });
    const zipFailed = new Promise<never>((_resolve, reject) => this.zip.on('error', reject));
    this.output = pipeline(this.zip.outputStream, sink);
    this.failed = Promise.race([zipFailed, this.output.then(() => new Promise<never>(() => undefined))]);
    this.failed.catch(() => undefined);
    this.output.catch(() => undefined);
  }

  /** Creates `target` exclusively ('wx': never overwrites; the caller picks a fresh .partial name). */
  static async create(target: string, opts: ZipWriterOptions = {}): Promise<BundleZipWriter> {
    return new BundleZipWriter(await open(target, 'wx', 0o644), opts);
  }

  private async writeAll(buf: Buffer): Promise<void> {
    zipWriterFaults.onWrite?.(this.pos);
    const at = this.pos;
    this.pos += buf.length;
    for (let off = 0; off < buf.length; ) {
      const { bytesWritten } = await this.fh.write(buf, off, buf.length - off, at + off);
      off += bytesWritten;
    }
  }

  private claim(path: string): void {
    if (this.closed) throw new Error('zip writer closed');
    // Names are app-chosen; keep the guard anyway: ASCII, relative, no "..", no backslash, no duplicates.
    if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(path) || path.split('/').some((s) => s === '..' || s === '')) {
      throw new Error(`unsafe zip path: ${path}`);
    }
    if (this.names.has(path.toLowerCase())) throw new Error(`duplicate zip path: ${path}`);
    this.names.add(path.toLowerCase());
  }

  private entryOptions(compress: boolean, plain = false): Partial<yazl.Options> {
    return {
      mtime: entryMtime(),
      forceDosTimestamp: true,
      mode: 0o100644,
      compress,
      forceZip64Format: !!this.opts.forceZip64 && !plain,
    };
  }

  /** The ASiC `mimetype` entry: must be the first entry, STORED, with no extra field. */
  async addMimetype(): Promise<void> {
    if (this.names.size) throw new Error('mimetype must be the first entry');
    await this.addBuffer('mimetype', Buffer.from(ASIC_MIMETYPE, 'ascii'), false, true);
  }

  /** Small in-memory entries (submission.json, manifest, signature, reports). */
  async addBuffer(path: string, data: Uint8Array, compress: boolean, plain = false): Promise<WrittenEntry> {
    this.claim(path);
    const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    this.zip.addBuffer(buf, path, this.entryOptions(compress, plain));
    this.entries++;
    return { path, size: buf.length, sha256: createHash('sha256').update(buf).digest('hex') };
  }

  /**
   * Streams a file into the zip; the bytes are read once and hashed on their way in, so the caller can
   * check that what was packed is still the file that was attached (size and SHA-256).
   */
  async addFile(
    path: string,
    source: string,
    opts: { size: number; compress: boolean; signal?: AbortSignal; onBytes?: (n: number) => void },
  ): Promise<WrittenEntry> {
    this.claim(path);
    const stream = `entry-${this.entries++}`;
    let size = 0;
    const input = createReadStream(source, { highWaterMark: CHUNK, ...(opts.signal ? { signal: opts.signal } : {}) });
    const tap = new Transform({
      highWaterMark: CHUNK,
      transform: (chunk: Buffer, _enc, cb) => {
        size += chunk.length;
        opts.onBytes?.(chunk.length);
        this.hasher.update(stream, chunk).then(() => cb(null, chunk), cb);
      },
    });
    input.on('error', (e) => tap.destroy(e));
    this.zip.addReadStream(input.pipe(tap), path, this.entryOptions(opts.compress));
    try {
      await Promise.race([finished(tap), this.failed]);
    } catch (e) {
      input.destroy(); // a failed output (disk full) leaves the source open otherwise
      throw e;
    }
    return { path, size, sha256: await this.hasher.digest(stream) };
  }

  /** Writes the central directory, fsyncs and closes. Returns the SHA-256 hex of the whole file when hashOutput was set. */
  async end(): Promise<{ size: number; sha256: string | null }> {
    this.closed = true;
    this.zip.end({ forceZip64Format: !!this.opts.forceZip64, comment: '' });
    await Promise.race([this.output, this.failed]);
    if (this.opts.fsync !== false) await this.fh.sync();
    await this.fh.close();
    const sha256 = this.opts.hashOutput ? await this.hasher.digest(BUNDLE_STREAM) : null;
    await this.hasher.close();
    return { size: this.pos, sha256 };
  }

  /** Stops writing (cancel or error) and closes the file; the caller deletes it. */
  async abort(): Promise<void> {
    this.closed = true;
    // yazl's outputStream is a PassThrough (typed as the read-only NodeJS.ReadableStream).
    (this.zip.outputStream as Readable).destroy();
    await this.fh.close().catch(() => undefined);
    await this.hasher.close().catch(() => undefined);
  }
}
