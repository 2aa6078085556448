import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

import { buildPdf } from '../../../electron/backend/services/report/pdf/document';
import type { AppearanceFonts } from '../../../electron/backend/services/pades/types';
import { makeSampleModel } from '../exports/fixture-model';
import { work } from './tools';

/** Inputs for the PAdES tests: the real report (pdfmake), an xref-stream rewrite of it, PNGs made here. */

let report: Buffer | null = null;
/** The app's own report PDF (pdfmake 0.3, classic xref table), built once per test file. */
export const reportPdf = async (): Promise<Buffer> => (report ??= await buildPdf(makeSampleModel(3)));

/** The same document rewritten by qpdf with object streams and a cross-reference stream (PDF 1.5 style). */
export const xrefStreamPdf = (pdf: Uint8Array): Buffer => {
  const dir = work();
  writeFileSync(join(dir, 'in.pdf'), pdf);
  execFileSync('qpdf', ['--object-streams=generate', join(dir, 'in.pdf'), join(dir, 'out.pdf')], { stdio: 'pipe' });
  return readFileSync(join(dir, 'out.pdf'));
};

export const fonts = (): AppearanceFonts => ({
  regular: readFileSync(join(process.cwd(), 'resources/fonts/Tinos-Regular.ttf')),
  bold: readFileSync(join(process.cwd(), 'resources/fonts/Tinos-Bold.ttf')),
});

type Rgba = [number, number, number, number];

const chunk = (type: string, data: Buffer): Buffer => {
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  td.copy(out, 4);
  out.writeUInt32BE(crc32(td), 8 + data.length);
  return out;
};

export const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encodes 8-bit RGBA (colour type 6) or RGB (type 2, alpha dropped) with filter 0 rows. */
export const encodePng = (width: number, height: number, pixel: (x: number, y: number) => Rgba, colourType: 2 | 6 = 6): Buffer => {
  const ch = colourType === 6 ? 4 : 3;
  const raw = Buffer.alloc(height * (1 + width * ch));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = pixel(x, y);
      for (let c = 0; c < ch; c++) raw[y * (1 + width * ch) + 1 + x * ch + c] = p[c]!;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, colourType, 0, 0, 0], 8);
  return Buffer.concat([PNG_MAGIC, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
};

export { chunk as pngChunk };

const CLEAR: Rgba = [0, 0, 0, 0];
const BLUE: Rgba = [20, 40, 200, 255];
const RED: Rgba = [220, 20, 20, 255];

/**
 * A blue handwritten-like stroke on a transparent background, with short blue bars on the first and last
 * columns so the rendered blue extent is exactly the image box (the overlap check measures against it).
 */
export const signaturePng = (): Buffer =>
  encodePng(300, 120, (x, y) => {
    const wave = 60 + 30 * Math.sin(x / 20);
    if (Math.abs(y - wave) < 5) return BLUE;
    if ((x < 3 || x > 296) && y > 50 && y < 70) return BLUE;
    return CLEAR;
  });

/** A red seal: two rings and a star-like centre on a transparent background. */
export const sealPng = (): Buffer =>
  encodePng(240, 240, (x, y) => {
    const r = Math.hypot(x - 119.5, y - 119.5);
    return (r > 104 && r < 118) || (r > 70 && r < 76) || r < 12 ? RED : CLEAR;
  });
