import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

import { ASIC_MIMETYPE, FIXED_MTIME } from './constants';
import { CHUNK, OutputHasher } from './output-hasher';

export type WrittenEntry = { path: string; size: number; sha256: string };

/**
 * A small streaming zip writer for the bundle (ASiC-E). Why not yazl: its CRC-32 (buffer-crc32, ~370 MiB/s)
 * was the bottleneck (measured: docs/performance.md, "Bundle"); Node's native zlib.crc32 runs at ~1.3 GiB/s, and owning ~200 lines
 * of a well-known format keeps the layout exact: `mimetype` first, STORED, no extra field, no data
 * descriptor; every entry the same fixed mtime; ZIP64 only where a size or offset needs it.
 * Output is strictly sequential (data descriptors instead of seeking back), so the bundle's own SHA-256 is
 * computed while it is written (on a worker thread, output-hasher.ts). Tests check the output with yauzl, Info-ZIP `unzip -t` and openssl.
 */
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_DESCRIPTOR = 0x08074b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const U32 = 0xffffffff;
const FLAG_DESCRIPTOR = 0x0008;

const dosDateTime = (d: Date): { date: number; time: number } => ({
  date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
});
const STAMP = dosDateTime(FIXED_MTIME);

type Central = {
  name: Buffer;
  method: 0 | 8;
  flags: number;
  crc: number;
  csize: number;
  usize: number;
  offset: number;
  /** mimetype: never any extra field, even when ZIP64 is forced (tests). */
  plain?: boolean;
};

export type ZipWriterOptions = {
  /** Hash the whole output while writing (the bundle's SHA-256 for the submission record). */
  hashOutput?: boolean;
  /** Tests only: use ZIP64 records even for small entries, to exercise that path. */
  forceZip64?: boolean;
  /** fsync before close (default true: the export renames the file next, so it must be on disk first). */
  fsync?: boolean;
};

export class BundleZipWriter {
  private fh: FileHandle | null = null;
  private pos = 0;
  private readonly entries: Central[] = [];
  private readonly names = new Set<string>();
  private readonly outHash: OutputHasher | null;
  private closed = false;

  private constructor(
    readonly target: string,
    private readonly opts: ZipWriterOptions,
  ) {
    this.outHash = opts.hashOutput ? new OutputHasher() : null;
  }

  /** Creates `target` exclusively ('wx': never overwrites; the caller picks a fresh .partial name). */
  static async create(target: string, opts: ZipWriterOptions = {}): Promise<BundleZipWriter> {
    const w = new BundleZipWriter(target, opts);
    w.fh = await open(target, 'wx', 0o644);
    return w;
  }

  get bytesWritten(): number {
    return this.pos;
  }

  private scratch: Buffer | null = null;

  private async writeRaw(buf: Buffer): Promise<void> {
    if (!this.fh) throw new Error('zip writer closed');
    let off = 0;
    while (off < buf.length) {
      const { bytesWritten } = await this.fh.write(buf, off, buf.length - off, this.pos + off);
      off += bytesWritten;
    }
    this.pos += buf.length;
  }

  private async write(buf: Buffer): Promise<void> {
    await this.writeRaw(buf);
    this.outHash?.update(buf);
  }

  private claim(path: string): Buffer {
    if (this.closed) throw new Error('zip writer closed');
    // Names are app-chosen; keep the guard anyway: ASCII, relative, no "..", no backslash, no duplicates.
    if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(path) || path.split('/').some((s) => s === '..' || s === '')) {
      throw new Error(`unsafe zip path: ${path}`);
    }
    if (this.names.has(path.toLowerCase())) throw new Error(`duplicate zip path: ${path}`);
    this.names.add(path.toLowerCase());
    return Buffer.from(path, 'ascii');
  }

  private localHeader(name: Buffer, method: number, flags: number, crc: number, csize: number, usize: number, zip64: boolean): Buffer {
    const extra = zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(usize), 4);
      extra.writeBigUInt64LE(BigInt(csize), 12);
    }
    const h = Buffer.alloc(30);
    h.writeUInt32LE(SIG_LOCAL, 0);
    h.writeUInt16LE(zip64 ? 45 : 20, 4);
    h.writeUInt16LE(flags, 6);
    h.writeUInt16LE(method, 8);
    h.writeUInt16LE(STAMP.time, 10);
    h.writeUInt16LE(STAMP.date, 12);
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(zip64 ? U32 : csize, 18);
    h.writeUInt32LE(zip64 ? U32 : usize, 22);
    h.writeUInt16LE(name.length, 26);
    h.writeUInt16LE(extra.length, 28);
    return Buffer.concat([h, name, extra]);
  }

  /** The ASiC `mimetype` entry: must be the first entry, STORED, with no extra field. */
  async addMimetype(): Promise<void> {
    if (this.entries.length) throw new Error('mimetype must be the first entry');
    await this.addBuffer('mimetype', Buffer.from(ASIC_MIMETYPE, 'ascii'), false, true);
  }

  /** Small in-memory entries (submission.json, manifest, signature, reports): sizes known, no descriptor. */
  async addBuffer(path: string, data: Uint8Array, compress: boolean, plain = false): Promise<WrittenEntry> {
    const name = this.claim(path);
    const raw = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const body = compress ? deflateRawSync(raw, { level: 6 }) : raw;
    const crc = crc32(raw);
    const zip64 = !!this.opts.forceZip64 && !plain;
    const offset = this.pos;
    await this.write(this.localHeader(name, compress ? 8 : 0, 0, crc, body.length, raw.length, zip64));
    await this.write(body);
    this.entries.push({ name, method: compress ? 8 : 0, flags: 0, crc, csize: body.length, usize: raw.length, offset, plain });
    return { path, size: raw.length, sha256: createHash('sha256').update(raw).digest('hex') };
  }

  /**
   * Streams a file into the zip, computing CRC-32 and SHA-256 in the same pass. `size` is what the caller
   * expects; a file that changed length meanwhile fails the export (FILE_CHANGED is decided by the caller).
   */
  async addFile(
    path: string,
    source: string,
    opts: { size: number; compress: boolean; signal?: AbortSignal; onBytes?: (n: number) => void },
  ): Promise<WrittenEntry> {
    const name = this.claim(path);
    const zip64 = !!this.opts.forceZip64 || opts.size >= 0xfffe0000;
    const method = opts.compress ? 8 : 0;
    const flags = FLAG_DESCRIPTOR;
    const offset = this.pos;
    await this.write(this.localHeader(name, method, flags, 0, 0, 0, zip64));
    const sha = createHash('sha256');
    let crc = 0;
    let usize = 0;
    let csize = 0;
    if (method === 0) {
      // Stored: read into reusable 1 MiB buffers (no per-chunk garbage), CRC + SHA-256, write, then hand the
      // buffer to the whole-bundle hasher (transferred to its thread and back).
      const src = await open(source, 'r');
      try {
        for (;;) {
          opts.signal?.throwIfAborted();
          const buf = this.outHash ? await this.outHash.acquire() : (this.scratch ??= Buffer.allocUnsafe(CHUNK));
          const { bytesRead } = await src.read(buf, 0, CHUNK, null);
          if (bytesRead === 0) {
            this.outHash?.release(buf);
            break;
          }
          const chunk = buf.subarray(0, bytesRead);
          crc = crc32(chunk, crc);
          sha.update(chunk);
          usize += bytesRead;
          await this.writeRaw(chunk);
          this.outHash?.submit(buf, bytesRead);
          opts.onBytes?.(bytesRead);
        }
      } finally {
        await src.close();
      }
      csize = usize;
    } else {
      const input = createReadStream(source, { highWaterMark: CHUNK, signal: opts.signal });
      const deflater = createDeflateRaw({ level: 6 });
      input.on('error', (e) => deflater.destroy(e));
      input.on('data', (data: string | Buffer) => {
        const chunk = typeof data === 'string' ? Buffer.from(data) : data;
        crc = crc32(chunk, crc);
        sha.update(chunk);
        usize += chunk.length;
        opts.onBytes?.(chunk.length);
      });
      input.pipe(deflater);
      for await (const out of deflater as AsyncIterable<Buffer>) {
        csize += out.length;
        await this.write(out);
      }
    }
    if (usize !== opts.size) {
      throw Object.assign(new Error(`file changed size while exporting: ${path}`), { code: 'FILE_CHANGED' });
    }
    const desc = Buffer.alloc(zip64 ? 24 : 16);
    desc.writeUInt32LE(SIG_DESCRIPTOR, 0);
    desc.writeUInt32LE(crc, 4);
    if (zip64) {
      desc.writeBigUInt64LE(BigInt(csize), 8);
      desc.writeBigUInt64LE(BigInt(usize), 16);
    } else {
      desc.writeUInt32LE(csize, 8);
      desc.writeUInt32LE(usize, 12);
    }
    await this.write(desc);
    this.entries.push({ name, method, flags, crc, csize, usize, offset });
    return { path, size: usize, sha256: sha.digest('hex') };
  }

  private centralRecord(e: Central): Buffer {
    const force = !!this.opts.forceZip64 && !e.plain;
    const big = [e.usize, e.csize, e.offset].map((v) => force || v >= U32);
    const zparts: Buffer[] = [];
    [e.usize, e.csize, e.offset].forEach((v, i) => {
      if (big[i]) {
        const b = Buffer.alloc(8);
        b.writeBigUInt64LE(BigInt(v));
        zparts.push(b);
      }
    });
    let extra = Buffer.alloc(0);
    if (zparts.length) {
      const head = Buffer.alloc(4);
      head.writeUInt16LE(0x0001, 0);
      head.writeUInt16LE(zparts.length * 8, 2);
      extra = Buffer.concat([head, ...zparts]);
    }
    const h = Buffer.alloc(46);
    h.writeUInt32LE(SIG_CENTRAL, 0);
    h.writeUInt16LE((3 << 8) | 45, 4); // made by: Unix, spec 4.5
    h.writeUInt16LE(zparts.length ? 45 : 20, 6);
    h.writeUInt16LE(e.flags, 8);
    h.writeUInt16LE(e.method, 10);
    h.writeUInt16LE(STAMP.time, 12);
    h.writeUInt16LE(STAMP.date, 14);
    h.writeUInt32LE(e.crc, 16);
    h.writeUInt32LE(big[1] ? U32 : e.csize, 20);
    h.writeUInt32LE(big[0] ? U32 : e.usize, 24);
    h.writeUInt16LE(e.name.length, 28);
    h.writeUInt16LE(extra.length, 30);
    h.writeUInt16LE(0, 32); // comment
    h.writeUInt16LE(0, 34); // disk
    h.writeUInt16LE(0, 36); // internal attributes
    h.writeUInt32LE((0o100644 << 16) >>> 0, 38); // regular file rw-r--r--
    h.writeUInt32LE(big[2] ? U32 : e.offset, 42);
    return Buffer.concat([h, e.name, extra]);
  }

  /** Writes the central directory (ZIP64 end records when needed), fsyncs and closes. Returns the SHA-256 hex of the whole file when hashOutput was set. */
  async end(): Promise<{ size: number; sha256: string | null }> {
    const cdStart = this.pos;
    await this.write(Buffer.concat(this.entries.map((e) => this.centralRecord(e))));
    const cdSize = this.pos - cdStart;
    const n = this.entries.length;
    const zip64 = !!this.opts.forceZip64 || n >= 0xffff || cdStart >= U32 || cdSize >= U32;
    if (zip64) {
      const eocd64Pos = this.pos;
      const r = Buffer.alloc(56);
      r.writeUInt32LE(SIG_EOCD64, 0);
      r.writeBigUInt64LE(44n, 4);
      r.writeUInt16LE((3 << 8) | 45, 12);
      r.writeUInt16LE(45, 14);
      r.writeUInt32LE(0, 16);
      r.writeUInt32LE(0, 20);
      r.writeBigUInt64LE(BigInt(n), 24);
      r.writeBigUInt64LE(BigInt(n), 32);
      r.writeBigUInt64LE(BigInt(cdSize), 40);
      r.writeBigUInt64LE(BigInt(cdStart), 48);
      const loc = Buffer.alloc(20);
      loc.writeUInt32LE(SIG_LOCATOR64, 0);
      loc.writeUInt32LE(0, 4);
      loc.writeBigUInt64LE(BigInt(eocd64Pos), 8);
      loc.writeUInt32LE(1, 16);
      await this.write(Buffer.concat([r, loc]));
    }
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(SIG_EOCD, 0);
    eocd.writeUInt16LE(zip64 ? 0xffff : n, 8);
    eocd.writeUInt16LE(zip64 ? 0xffff : n, 10);
    eocd.writeUInt32LE(zip64 ? U32 : cdSize, 12);
    eocd.writeUInt32LE(zip64 ? U32 : cdStart, 16);
    await this.write(eocd);
    if (this.opts.fsync !== false) await this.fh!.sync();
    await this.fh!.close();
    this.fh = null;
    this.closed = true;
    return { size: this.pos, sha256: this.outHash ? await this.outHash.digest() : null };
  }

  /** Stops writing (cancel or error) and closes the file; the caller deletes it. */
  async abort(): Promise<void> {
    this.closed = true;
    const fh = this.fh;
    this.fh = null;
    await fh?.close().catch(() => undefined);
    await this.outHash?.dispose().catch(() => undefined);
  }
}
