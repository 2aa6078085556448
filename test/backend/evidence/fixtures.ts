import { createHash, randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import yazl from 'yazl';

import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';

/** Small files of every kind, built from their real signatures (no binary fixtures in the repo). */
export const pdfBytes = (extra = 2048): Buffer =>
  Buffer.concat([Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n'), randomBytes(extra), Buffer.from('\n%%EOF\n')]);
export const pngBytes = (): Buffer => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(200)]);
export const jpgBytes = (): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(200)]);
export const exeBytes = (): Buffer => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(1000)]);

export const zipBytes = (entries: Array<{ name: string; data: string | Buffer; store?: boolean }>): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    for (const e of entries) z.addBuffer(Buffer.from(e.data), e.name, { compress: !e.store, mtime: new Date(2025, 0, 1) });
    const parts: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => parts.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(parts)));
    z.outputStream.on('error', reject);
    z.end();
  });

export const docxBytes = () =>
  zipBytes([
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: '_rels/.rels', data: '<Relationships/>' },
    { name: 'word/document.xml', data: '<w:document/>' },
  ]);
export const xlsxBytes = () =>
  zipBytes([
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: 'xl/workbook.xml', data: '<workbook/>' },
  ]);
export const odfBytes = (kind: 'text' | 'spreadsheet') =>
  zipBytes([
    { name: 'mimetype', data: `application/vnd.oasis.opendocument.${kind}`, store: true },
    { name: 'content.xml', data: '<office:document-content/>' },
  ]);

/** A minimal OLE2 compound file whose directory holds `stream` (WordDocument → .doc, Workbook → .xls). */
export const oleBytes = (stream: string): Buffer => {
  const s = 512;
  const buf = Buffer.alloc(s * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x3e, 0x18);
  buf.writeUInt16LE(3, 0x1a);
  buf.writeUInt16LE(0xfffe, 0x1c);
  buf.writeUInt16LE(9, 0x1e);
  buf.writeUInt16LE(6, 0x20);
  buf.writeUInt32LE(1, 0x2c); // one FAT sector
  buf.writeUInt32LE(1, 0x30); // directory starts at sector 1
  buf.writeUInt32LE(0xfffffffe, 0x3c);
  buf.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) buf.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4);
  const fat = s; // sector 0
  buf.writeUInt32LE(0xfffffffd, fat);
  buf.writeUInt32LE(0xfffffffe, fat + 4);
  const dir = 2 * s; // sector 1
  const entry = (i: number, name: string, type: number) => {
    const off = dir + i * 128;
    const n = Buffer.from(`${name}\0`, 'utf16le');
    n.copy(buf, off);
    buf.writeUInt16LE(n.length, off + 0x40);
    buf.writeUInt8(type, off + 0x42);
  };
  entry(0, 'Root Entry', 5);
  entry(1, stream, 2);
  return buf;
};

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** Two leaves of the shipped 2025 set for sở/ban/ngành. */
export const SET_ID = 'hp-2025-so';
export const N1 = 'so25-1.1.1';
export const N2 = 'so25-1.1.2';

export const validUnit = {
  name: 'Sở Nội vụ thành phố Hải Phòng',
  code: 'SNV-HP',
  type: 'SO',
  focalPoint: { name: 'Nguyễn Thị Hằng', title: 'Chuyên viên', phone: '', email: '' },
  head: { name: 'Sài Thị Yến', title: 'Giám đốc', phone: '', email: '' },
};

export type EvidenceSetup = { b: TestBackend; assessmentId: string; files: string; cleanup: () => void };

/** A real backend with a unit profile and one 2025 assessment; `files` is a scratch folder for sources. */
export const setupEvidence = async (): Promise<EvidenceSetup> => {
  const b = createTestBackend();
  await callOk(b, 'unit.save', validUnit);
  const a = await callOk<{ id: string }>(b, 'assessments.create', { year: 2025, indicatorSetId: SET_ID });
  const files = makeTempDir('cchc-src-');
  return {
    b,
    assessmentId: a.id,
    files,
    cleanup: () => {
      b.cleanup();
      rmSync(files, { recursive: true, force: true });
    },
  };
};

export const writeSource = (dir: string, name: string, data: Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};
