import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A tiny, deliberately permissive zip writer for crafting hostile bundles: every header field can lie.
 * (yazl refuses unsafe names and never writes inconsistent headers, which is exactly what we need here.)
 */
export type RawEntry = {
  name: string | Buffer;
  data: Buffer;
  method?: number;
  /** Bytes stored as the entry's data (default: data, deflated when method 8). */
  body?: Buffer;
  crc?: number;
  /** Declared uncompressed size in the central directory (default: real). */
  usize?: number;
  flags?: number;
  /** Unix mode (file type + permissions) put in the external attributes. */
  mode?: number;
  /** MS-DOS attribute byte (low byte of the external attributes), e.g. 0x10 = directory. */
  dosAttributes?: number;
  localExtra?: Buffer;
  centralExtra?: Buffer;
  /** Name written in the local header (default: the central name). */
  localName?: string | Buffer;
  /** Point this central record at another entry's local header (overlapping entries). */
  sameDataAs?: number;
  /** Values written in the local header only (default: the central ones, or 0 under a data descriptor). */
  localCrc?: number;
  localCsize?: number;
  localUsize?: number;
  /** Write a data descriptor after the data (sets flag bit 3); each value defaults to the real one. */
  descriptor?: { crc?: number; csize?: number; usize?: number; zip64?: boolean; signature?: boolean };
  /** Entry comment in the central record. */
  comment?: Buffer;
  /** Local header and data only, no central record (what only streaming readers see). */
  omitFromCentral?: boolean;
};

export type RawZipOptions = {
  /** Bytes after the end record. */
  trailing?: Buffer;
  /** Bytes before the first local header (offsets account for them, like a self-extractor). */
  prefix?: Buffer;
  /** Bytes between the central directory and the end record. */
  beforeEnd?: Buffer;
  /** End-record fields that lie (default: the real values). */
  end?: { diskEntries?: number; totalEntries?: number; cdSize?: number; cdOffset?: number; comment?: Buffer };
};

const buf = (n: string | Buffer): Buffer => (typeof n === 'string' ? Buffer.from(n, 'utf8') : n);

export const writeRawZip = (entries: RawEntry[], opts: RawZipOptions = {}): Buffer => {
  const parts: Buffer[] = opts.prefix ? [opts.prefix] : [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let pos = opts.prefix?.length ?? 0;
  entries.forEach((e, idx) => {
    const method = e.method ?? 0;
    const body = e.body ?? (method === 8 ? deflateRawSync(e.data) : e.data);
    const crc = e.crc ?? crc32(e.data);
    const name = buf(e.name);
    const localName = buf(e.localName ?? e.name);
    const localExtra = e.localExtra ?? Buffer.alloc(0);
    const d = e.descriptor;
    const flags = e.flags ?? (d ? 0x0808 : 0x0800);
    let offset = pos;
    if (e.sameDataAs !== undefined) offset = offsets[e.sameDataAs]!;
    else {
      const h = Buffer.alloc(30);
      h.writeUInt32LE(0x04034b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(flags, 6);
      h.writeUInt16LE(method, 8);
      h.writeUInt16LE(0, 10);
      h.writeUInt16LE(0x5021, 12);
      h.writeUInt32LE(e.localCrc ?? (d ? 0 : crc), 14);
      h.writeUInt32LE(e.localCsize ?? (d ? 0 : body.length), 18);
      h.writeUInt32LE(e.localUsize ?? (d ? 0 : (e.usize ?? e.data.length)), 22);
      h.writeUInt16LE(localName.length, 26);
      h.writeUInt16LE(localExtra.length, 28);
      parts.push(h, localName, localExtra, body);
      pos += 30 + localName.length + localExtra.length + body.length;
      if (d) {
        const sig = d.signature === false ? 0 : 4;
        const desc = Buffer.alloc(sig + (d.zip64 ? 20 : 12));
        if (sig) desc.writeUInt32LE(0x08074b50, 0);
        desc.writeUInt32LE(d.crc ?? crc, sig);
        if (d.zip64) {
          desc.writeBigUInt64LE(BigInt(d.csize ?? body.length), sig + 4);
          desc.writeBigUInt64LE(BigInt(d.usize ?? e.usize ?? e.data.length), sig + 12);
        } else {
          desc.writeUInt32LE(d.csize ?? body.length, sig + 4);
          desc.writeUInt32LE(d.usize ?? e.usize ?? e.data.length, sig + 8);
        }
        parts.push(desc);
        pos += desc.length;
      }
    }
    offsets[idx] = offset;
    if (e.omitFromCentral) return;
    const centralExtra = e.centralExtra ?? Buffer.alloc(0);
    const comment = e.comment ?? Buffer.alloc(0);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE((3 << 8) | 20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt16LE(0, 12);
    c.writeUInt16LE(0x5021, 14);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(e.usize ?? e.data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(centralExtra.length, 30);
    c.writeUInt16LE(comment.length, 32);
    c.writeUInt32LE((((e.mode ?? 0o100644) << 16) | (e.dosAttributes ?? 0)) >>> 0, 38);
    c.writeUInt32LE(offset, 42);
    central.push(c, name, centralExtra, comment);
  });
  const cd = Buffer.concat(central);
  const listed = entries.filter((e) => !e.omitFromCentral).length;
  const comment = opts.end?.comment ?? Buffer.alloc(0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(opts.end?.diskEntries ?? listed, 8);
  eocd.writeUInt16LE(opts.end?.totalEntries ?? listed, 10);
  eocd.writeUInt32LE(opts.end?.cdSize ?? cd.length, 12);
  eocd.writeUInt32LE(opts.end?.cdOffset ?? pos, 16);
  eocd.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...parts, cd, opts.beforeEnd ?? Buffer.alloc(0), eocd, comment, opts.trailing ?? Buffer.alloc(0)]);
};

/** The 22-byte end record of a zip written by writeRawZip (no comment). */
export const endRecordOf = (zip: Buffer): Buffer => zip.subarray(zip.length - 22);
