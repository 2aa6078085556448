import type { FileHandle } from 'node:fs/promises';

import type { VerifyLimits } from '../constants';
import { fail } from './failure';
import { EXTRA_ZIP64, parseExtraFields } from './zip-extra';

/**
 * Our own reading of the zip's bookkeeping, independent of yauzl, so that every other reader (Info-ZIP
 * unzip, Python's zipfile, streaming readers that walk local headers) sees exactly the entries we verify:
 * one end record at the very end, its counts equal to what the central directory really holds, central
 * records, local headers and data descriptors agreeing field by field, and every byte of the file
 * belonging to exactly one structure (no prefix, gaps, hidden records or second end record).
 */
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_DESCRIPTOR = 0x08074b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const EOCD_BYTES = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const U16 = 0xffff;
const U32 = 0xffffffff;
const EOCD_LEN = 22;
const LOCATOR_LEN = 20;
const EOCD64_LEN = 56;
/** UTF-8 names (bit 11), data descriptor (bit 3), deflate speed hints (bits 1-2): the only flags allowed. */
const ALLOWED_FLAGS = 0x0800 | 0x0008 | 0x0006;
/** Traditional, strong and central-directory encryption. */
const ENCRYPTION_FLAGS = 0x0001 | 0x0040 | 0x2000;
/** A real bundle's central directory is ~100 bytes per entry; this is far above any allowed one. */
const MAX_CD_BYTES = 64 * 1024 * 1024;

export type CentralRecord = {
  /** For messages only (names are checked elsewhere). */
  name: string;
  nameRaw: Buffer;
  flags: number;
  method: number;
  crc: number;
  csize: number;
  usize: number;
  offset: number;
  /** The central record carries a ZIP64 extra field (the writer treated the entry as ZIP64). */
  zip64: boolean;
};

export type ZipLayout = {
  records: CentralRecord[];
  /** Where each record's data starts (same index as records). */
  dataStart: number[];
};

const readAt = async (fh: FileHandle, pos: number, len: number): Promise<Buffer> => {
  const b = Buffer.alloc(len);
  let off = 0;
  while (off < len) {
    const { bytesRead } = await fh.read(b, off, len - off, pos + off);
    if (bytesRead === 0) fail('E_TRUNCATED', `unexpected end of file at byte ${pos + off}`);
    off += bytesRead;
  }
  return b;
};

/**
 * Local headers are read in file order; for bundles of many small entries a 64 KiB read-ahead window turns
 * tens of thousands of tiny reads into a few hundred.
 */
class ReadAhead {
  private buf: Buffer = Buffer.alloc(0);
  private start = 0;

  constructor(
    private readonly fh: FileHandle,
    private readonly size: number,
  ) {}

  async get(pos: number, len: number): Promise<Buffer> {
    if (pos + len > this.size) fail('E_TRUNCATED', `unexpected end of file at byte ${this.size}`);
    if (pos < this.start || pos + len > this.start + this.buf.length) {
      this.start = pos;
      this.buf = await readAt(this.fh, pos, Math.min(Math.max(len, 64 * 1024), this.size - pos));
    }
    return this.buf.subarray(pos - this.start, pos - this.start + len);
  }
}

const u64 = (b: Buffer, at: number, what: string): number => {
  const v = b.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) fail('E_ZIP_STRUCTURE', `${what} does not fit in 53 bits`);
  return Number(v);
};

type End = { entries: number; cdOffset: number; cdSize: number; /** where the central directory must end */ cdEnd: number };

/** The end record (and the ZIP64 end record + locator when present). */
const readEnd = async (fh: FileHandle, size: number): Promise<End> => {
  if (size < EOCD_LEN) fail('E_NOT_ZIP', 'shorter than an end record');
  const tailLen = Math.min(size, EOCD_LEN + U16);
  const tail = await readAt(fh, size - tailLen, tailLen);
  // Every position a reader scanning backwards (yauzl, unzip, Python, Go) could take as the end record.
  const candidates: number[] = [];
  for (let i = 0; i + EOCD_LEN <= tailLen; i++) {
    if (tail.readUInt32LE(i) === SIG_EOCD && i + EOCD_LEN + tail.readUInt16LE(i + 20) === tailLen) candidates.push(i);
  }
  const at = tailLen - EOCD_LEN;
  if (candidates.length > 1) fail('E_ZIP_STRUCTURE', `${candidates.length} end-of-central-directory records`);
  if (candidates.length === 0) fail('E_TRUNCATED', 'no end-of-central-directory record at the end of the file');
  if (candidates[0] !== at) fail('E_ZIP_STRUCTURE', `archive comment of ${tailLen - EOCD_LEN - candidates[0]!} bytes`);
  const disk = tail.readUInt16LE(at + 4);
  const cdDisk = tail.readUInt16LE(at + 6);
  const diskEntries = tail.readUInt16LE(at + 8);
  const entries = tail.readUInt16LE(at + 10);
  const cdSize = tail.readUInt32LE(at + 12);
  const cdOffset = tail.readUInt32LE(at + 16);
  const eocdPos = size - EOCD_LEN;
  const sentinel = disk === U16 || cdDisk === U16 || diskEntries === U16 || entries === U16 || cdSize === U32 || cdOffset === U32;
  const hasLocator = tailLen >= EOCD_LEN + LOCATOR_LEN && tail.readUInt32LE(at - LOCATOR_LEN) === SIG_LOCATOR64;
  if (!hasLocator) {
    if (sentinel) fail('E_ZIP_STRUCTURE', 'ZIP64 values announced without a ZIP64 end record');
    if (disk !== 0 || cdDisk !== 0) fail('E_MULTI_DISK', `disk ${disk}, central directory on disk ${cdDisk}`);
    if (diskEntries !== entries) fail('E_ZIP_STRUCTURE', `end record: ${diskEntries} entries on this disk, ${entries} in total`);
    return { entries, cdOffset, cdSize, cdEnd: eocdPos };
  }
  const loc = tail.subarray(at - LOCATOR_LEN, at);
  const recPos = u64(loc, 8, 'ZIP64 end record offset');
  if (loc.readUInt32LE(4) !== 0 || loc.readUInt32LE(16) !== 1) fail('E_MULTI_DISK', 'ZIP64 locator names another disk');
  const locPos = eocdPos - LOCATOR_LEN;
  if (recPos + EOCD64_LEN !== locPos) fail('E_ZIP_STRUCTURE', 'the ZIP64 end record does not directly precede its locator');
  const rec = await readAt(fh, recPos, EOCD64_LEN);
  if (rec.readUInt32LE(0) !== SIG_EOCD64) fail('E_ZIP_STRUCTURE', 'no ZIP64 end record where the locator points');
  if (u64(rec, 4, 'ZIP64 end record size') !== EOCD64_LEN - 12) fail('E_ZIP_STRUCTURE', 'ZIP64 end record with an extensible data sector');
  if (rec.readUInt32LE(16) !== 0 || rec.readUInt32LE(20) !== 0) fail('E_MULTI_DISK', 'ZIP64 end record names another disk');
  const z = {
    diskEntries: u64(rec, 24, 'entry count'),
    entries: u64(rec, 32, 'entry count'),
    cdSize: u64(rec, 40, 'central directory size'),
    cdOffset: u64(rec, 48, 'central directory offset'),
  };
  const agrees = (v: number, sent: number, real: number): boolean => v === sent || v === real;
  if (
    z.diskEntries !== z.entries ||
    !agrees(disk, U16, 0) ||
    !agrees(cdDisk, U16, 0) ||
    !agrees(diskEntries, U16, z.entries) ||
    !agrees(entries, U16, z.entries) ||
    !agrees(cdSize, U32, z.cdSize) ||
    !agrees(cdOffset, U32, z.cdOffset)
  ) {
    fail('E_ZIP_STRUCTURE', 'the end record and the ZIP64 end record disagree');
  }
  return { entries: z.entries, cdOffset: z.cdOffset, cdSize: z.cdSize, cdEnd: recPos };
};

/** One central record, with its ZIP64 values resolved and the entry-level rules applied. */
const parseCentral = (cd: Buffer, p: number): { record: CentralRecord; length: number } => {
  const n = cd.readUInt16LE(p + 28);
  const m = cd.readUInt16LE(p + 30);
  const k = cd.readUInt16LE(p + 32);
  const length = 46 + n + m + k;
  if (p + length > cd.length) fail('E_ZIP_STRUCTURE', 'a central record overruns the central directory');
  const nameRaw = Buffer.from(cd.subarray(p + 46, p + 46 + n));
  const name = nameRaw.toString('utf8').slice(0, 120);
  const flags = cd.readUInt16LE(p + 8);
  if (flags & ENCRYPTION_FLAGS) fail('E_ENCRYPTED', name);
  if (flags & ~ALLOWED_FLAGS) fail('E_ZIP_STRUCTURE', `${name}: general-purpose flags 0x${flags.toString(16)}`);
  if (k !== 0) fail('E_ZIP_STRUCTURE', `${name}: entry comment`);
  const extras = parseExtraFields(cd.subarray(p + 46 + n, p + 46 + n + m), name);
  let usize = cd.readUInt32LE(p + 24);
  let csize = cd.readUInt32LE(p + 20);
  let offset = cd.readUInt32LE(p + 42);
  const disk = cd.readUInt16LE(p + 34);
  const z64 = extras.find((e) => e.id === EXTRA_ZIP64);
  const big = [usize === U32, csize === U32, offset === U32];
  const want = big.filter(Boolean).length * 8 + (disk === U16 ? 4 : 0);
  if (z64 ? z64.data.length !== want : want !== 0) fail('E_EXTRA_FIELD', `${name}: ZIP64 field of ${z64?.data.length ?? 0} bytes, ${want} expected`);
  if (z64) {
    let q = 0;
    const next = (what: string): number => {
      const v = u64(z64.data, q, what);
      q += 8;
      return v;
    };
    if (big[0]) usize = next('size');
    if (big[1]) csize = next('compressed size');
    if (big[2]) offset = next('offset');
    if (disk === U16) fail('E_MULTI_DISK', name);
  }
  if (disk !== 0) fail('E_MULTI_DISK', `${name}: starts on disk ${disk}`);
  const record = { name, nameRaw, flags, method: cd.readUInt16LE(p + 10), crc: cd.readUInt32LE(p + 16), csize, usize, offset, zip64: !!z64 };
  return { record, length };
};

/** Steps 1-2: end records, the whole central directory (past the declared count), local headers, descriptors. */
export const readZipLayout = async (fh: FileHandle, size: number, limits: VerifyLimits): Promise<ZipLayout> => {
  const end = await readEnd(fh, size);
  if (end.cdOffset + end.cdSize !== end.cdEnd) {
    const from = Math.min(end.cdOffset + end.cdSize, end.cdEnd);
    const gap = Math.abs(end.cdEnd - end.cdOffset - end.cdSize);
    const between = gap <= U16 ? await readAt(fh, from, gap) : Buffer.alloc(0);
    const eocdInside = between.includes(EOCD_BYTES);
    fail('E_ZIP_STRUCTURE', eocdInside ? 'two end-of-central-directory records' : `${gap} bytes between the central directory and the end record`);
  }
  if (end.cdSize > MAX_CD_BYTES) fail('E_LIMIT', `central directory of ${end.cdSize} bytes`);
  if (end.cdOffset + end.cdSize > size) fail('E_TRUNCATED', 'central directory beyond the end of the file');
  const cd = await readAt(fh, end.cdOffset, end.cdSize);
  const records: CentralRecord[] = [];
  // Read every record the central directory holds, not just the declared count: records hidden behind a
  // lowered count are what other tools show as extra files.
  for (let p = 0; p < cd.length; ) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== SIG_CENTRAL) fail('E_ZIP_STRUCTURE', `unexpected bytes at ${end.cdOffset + p} inside the central directory`);
    if (records.length >= limits.maxEntries) fail('E_LIMIT', `more than ${limits.maxEntries} central records`);
    const { record, length } = parseCentral(cd, p);
    records.push(record);
    p += length;
  }
  if (records.length !== end.entries) {
    fail('E_ZIP_STRUCTURE', `the central directory holds ${records.length} records, the end record declares ${end.entries}`);
  }
  return { records, dataStart: await checkLocalLayout(new ReadAhead(fh, size), records, end.cdOffset) };
};

/**
 * Local headers in file order: each starts where the previous entry (data + descriptor) ended, carries the
 * central record's name, method, flags, CRC-32 and sizes (zero allowed only under a data descriptor), and
 * a descriptor, when announced, is the signed 16-byte (24-byte for ZIP64) form repeating the central values.
 */
const checkLocalLayout = async (file: ReadAhead, records: CentralRecord[], cdOffset: number): Promise<number[]> => {
  const dataStart: number[] = new Array<number>(records.length).fill(0);
  const order = records.map((r, i) => i).sort((a, b) => records[a]!.offset - records[b]!.offset);
  let expected = 0;
  for (const [j, i] of order.entries()) {
    const r = records[i]!;
    if (r.offset < expected) fail('E_HEADER_MISMATCH', `${r.name} overlaps the previous entry`);
    if (r.offset > expected) fail('E_ZIP_STRUCTURE', `${r.offset - expected} bytes ${expected === 0 ? 'before the first entry' : `outside any entry at ${expected}`}`);
    const h = await file.get(r.offset, 30);
    if (h.readUInt32LE(0) !== SIG_LOCAL) fail('E_TRUNCATED', `${r.name}: invalid local file header signature`);
    const n = h.readUInt16LE(26);
    const m = h.readUInt16LE(28);
    const nm = await file.get(r.offset + 30, n + m);
    const flags = h.readUInt16LE(6);
    if (!nm.subarray(0, n).equals(r.nameRaw)) fail('E_HEADER_MISMATCH', `${r.name}: local name differs`);
    if (h.readUInt16LE(8) !== r.method) fail('E_HEADER_MISMATCH', `${r.name}: method differs`);
    if (flags & ENCRYPTION_FLAGS) fail('E_ENCRYPTED', r.name);
    if (r.name === 'mimetype' && m !== 0) fail('E_MIMETYPE', 'local header has an extra field');
    if (flags !== r.flags) fail('E_HEADER_MISMATCH', `${r.name}: flags 0x${flags.toString(16)} locally, 0x${r.flags.toString(16)} in the central directory`);
    const extras = parseExtraFields(nm.subarray(n), `${r.name} (local header)`);
    let lcsize = h.readUInt32LE(18);
    let lusize = h.readUInt32LE(22);
    if (lcsize === U32 || lusize === U32) {
      const z = extras.find((e) => e.id === EXTRA_ZIP64);
      if (!z || z.data.length < 16) fail('E_HEADER_MISMATCH', `${r.name}: local ZIP64 sizes missing`);
      lusize = u64(z!.data, 0, 'local size');
      lcsize = u64(z!.data, 8, 'local compressed size');
    }
    const descriptor = (flags & 0x0008) !== 0;
    const agrees = (local: number, central: number): boolean => local === central || (descriptor && local === 0);
    if (!agrees(h.readUInt32LE(14), r.crc)) fail('E_HEADER_MISMATCH', `${r.name}: CRC-32 differs between the local header and the central directory`);
    if (!agrees(lcsize, r.csize) || !agrees(lusize, r.usize)) {
      fail('E_HEADER_MISMATCH', `${r.name}: sizes ${lcsize}/${lusize} in the local header, ${r.csize}/${r.usize} in the central directory`);
    }
    dataStart[i] = r.offset + 30 + n + m;
    const dataEnd = dataStart[i]! + r.csize;
    const next = j + 1 < order.length ? records[order[j + 1]!]!.offset : cdOffset;
    if (dataEnd > next) fail('E_HEADER_MISMATCH', `${r.name}: data overlaps what follows it`);
    expected = dataEnd;
    if (descriptor) {
      // ZIP64 form (8-byte sizes) exactly when the entry is ZIP64: a ZIP64 field in its local header or its
      // central record (APPNOTE 4.3.9.2 "if the zip64 extended information extra field is present for the
      // file"), or a size that needs it. yazl, our writer, marks an entry ZIP64 in the central record only,
      // also when merely its OFFSET passes 4 GiB; a 24-byte descriptor with no ZIP64 field anywhere is refused.
      const zip64 = extras.some((e) => e.id === EXTRA_ZIP64) || r.zip64 || r.csize >= U32 || r.usize >= U32;
      const want = zip64 ? 24 : 16;
      const len = next - dataEnd;
      if (len !== want) fail('E_HEADER_MISMATCH', `${r.name}: ${len} bytes where a ${want}-byte signed data descriptor belongs`);
      const d = await file.get(dataEnd, len);
      if (d.readUInt32LE(0) !== SIG_DESCRIPTOR) fail('E_HEADER_MISMATCH', `${r.name}: data descriptor without its signature`);
      const crc = d.readUInt32LE(4);
      const [cs, us] = len === 16 ? [d.readUInt32LE(8), d.readUInt32LE(12)] : [u64(d, 8, 'size'), u64(d, 16, 'size')];
      if (crc !== r.crc || cs !== r.csize || us !== r.usize) {
        fail('E_HEADER_MISMATCH', `${r.name}: data descriptor (CRC-32 ${crc.toString(16)}, ${cs}/${us}) differs from the central directory (${r.crc.toString(16)}, ${r.csize}/${r.usize})`);
      }
      expected += len;
    }
  }
  if (expected !== cdOffset) fail('E_ZIP_STRUCTURE', `${cdOffset - expected} bytes between the last entry and the central directory`);
  return dataStart;
};
