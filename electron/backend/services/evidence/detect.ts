import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

import yauzl from 'yauzl';

import type { Phrase } from '../../../../shared/ipc/errors/index';
import { AppFailure } from '../../../../shared/ipc/result';
import type { EvidenceFileKind } from '../../../../shared/schemas/evidence';

/** How many leading bytes the store keeps while copying, for detection. */
export const HEAD_BYTES = 4096;

/** Refuses the file; the sentence lists what is accepted (reason EVIDENCE_TYPE_REFUSED). */
const refuse = (why: Phrase): never => {
  throw AppFailure.of('EVIDENCE_TYPE_REFUSED', { why });
};

const startsWith = (head: Buffer, bytes: number[], at = 0): boolean =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

/**
 * Decides the type of a file from its bytes (never its name). `file` is our own temp copy, so what we
 * inspect is exactly what gets stored. `nameHint` only breaks ties the bytes cannot (an OLE file whose
 * directory we could not read).
 */
export const detectFileKind = async (file: string, head: Buffer, nameHint: string): Promise<EvidenceFileKind> => {
  if (head.length === 0) return refuse('EV_EMPTY');
  if (startsWith(head, [0x4d, 0x5a]) || startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) {
    return refuse('EV_EXECUTABLE');
  }
  // PDF readers accept up to 1 KiB of junk before the header; so do we.
  if (head.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(head, PNG_MAGIC)) return 'png';
  if (startsWith(head, OLE_MAGIC)) return detectOle(file, nameHint);
  if (startsWith(head, ZIP_LOCAL) || startsWith(head, ZIP_EMPTY)) return detectZip(file, head);
  return refuse('EV_UNKNOWN_TYPE');
};

// ---- ZIP family: docx/xlsx (OOXML), odt/ods (OpenDocument), else plain zip ----

/** ODF puts an uncompressed "mimetype" entry first, so its value sits in the first local header. */
const odfMimeFromHead = (head: Buffer): string | null => {
  if (!startsWith(head, ZIP_LOCAL) || head.length < 30) return null;
  const method = head.readUInt16LE(8);
  const size = head.readUInt32LE(18);
  const nameLen = head.readUInt16LE(26);
  const extraLen = head.readUInt16LE(28);
  if (method !== 0 || nameLen !== 8 || head.toString('latin1', 30, 38) !== 'mimetype') return null;
  const start = 30 + nameLen + extraLen;
  if (size > 200 || start + size > head.length) return null;
  return head.toString('latin1', start, start + size).trim();
};

const MAX_ZIP_ENTRIES_SCANNED = 20_000;

const zipEntryNames = (file: string): Promise<string[]> =>
  new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('zip'));
      const names: string[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        if (names.length >= MAX_ZIP_ENTRIES_SCANNED) {
          zip.close();
          resolve(names);
        } else zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });

const detectZip = async (file: string, head: Buffer): Promise<EvidenceFileKind> => {
  const odf = odfMimeFromHead(head);
  if (odf === 'application/vnd.oasis.opendocument.text') return 'odt';
  if (odf === 'application/vnd.oasis.opendocument.spreadsheet') return 'ods';
  let names: string[];
  try {
    names = await zipEntryNames(file);
  } catch {
    return refuse('EV_ZIP_BROKEN');
  }
  const has = (n: string) => names.includes(n);
  if (has('[Content_Types].xml')) {
    if (names.some((n) => n.startsWith('word/'))) return 'docx';
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  }
  return 'zip';
};

// ---- OLE2 compound files: .doc has a "WordDocument" stream, .xls a "Workbook" (or old "Book") ----

const readAt = async (fh: FileHandle, pos: number, len: number): Promise<Buffer> => {
  const buf = Buffer.alloc(len);
  const { bytesRead } = await fh.read(buf, 0, len, pos);
  return buf.subarray(0, bytesRead);
};

const END_OF_CHAIN = 0xfffffffe;
const MAX_DIR_SECTORS = 256;

/** Reads directory entry names by following the directory chain through the header's FAT sectors. */
const oleStreamNames = async (file: string): Promise<string[]> => {
  const fh = await open(file, 'r');
  try {
    const header = await readAt(fh, 0, 512);
    if (header.length < 512) return [];
    const shift = header.readUInt16LE(0x1e);
    if (shift !== 9 && shift !== 12) return [];
    const sectorSize = 1 << shift;
    const perFat = sectorSize / 4;
    const difat: number[] = [];
    for (let i = 0; i < 109; i++) difat.push(header.readUInt32LE(0x4c + i * 4));
    const next = async (sid: number): Promise<number> => {
      const fatSector = difat[Math.floor(sid / perFat)];
      if (fatSector === undefined || fatSector >= END_OF_CHAIN) return END_OF_CHAIN;
      const b = await readAt(fh, (fatSector + 1) * sectorSize + (sid % perFat) * 4, 4);
      return b.length === 4 ? b.readUInt32LE(0) : END_OF_CHAIN;
    };
    const names: string[] = [];
    let sid = header.readUInt32LE(0x30);
    for (let n = 0; n < MAX_DIR_SECTORS && sid < END_OF_CHAIN - 2; n++) {
      const sector = await readAt(fh, (sid + 1) * sectorSize, sectorSize);
      for (let off = 0; off + 128 <= sector.length; off += 128) {
        const nameLen = sector.readUInt16LE(off + 0x40);
        if (nameLen >= 2 && nameLen <= 64) names.push(sector.toString('utf16le', off, off + nameLen - 2));
      }
      sid = await next(sid);
    }
    return names;
  } finally {
    await fh.close();
  }
};

const detectOle = async (file: string, nameHint: string): Promise<EvidenceFileKind> => {
  const names = await oleStreamNames(file).catch(() => [] as string[]);
  if (names.includes('WordDocument')) return 'doc';
  if (names.includes('Workbook') || names.includes('Book')) return 'xls';
  if (names.length === 0) {
    // Unreadable directory: trust the extension only between the two OLE kinds we accept.
    const ext = nameHint.toLowerCase().split('.').pop();
    if (ext === 'doc') return 'doc';
    if (ext === 'xls') return 'xls';
  }
  return refuse('EV_OLD_OFFICE_OTHER');
};
