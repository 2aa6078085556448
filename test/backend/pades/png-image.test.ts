import { deflateSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { validatePng } from '../../../electron/backend/services/pades/png-image';
import type { PngLimits } from '../../../electron/backend/services/pades/png-image';
import { isAppFailure } from '../../../shared/ipc/result';
import { encodePng, PNG_MAGIC, pngChunk, sealPng, signaturePng } from './fixtures';

/** Crafted uploads: each refusal has its own code and reason, and happens before any image decoding. */

type Ihdr = { width: number; height: number; depth: number; colour: number; interlace: number };

const ihdr = (o: Partial<Ihdr> = {}): Buffer => {
  const h = { width: 4, height: 4, depth: 8, colour: 6, interlace: 0, ...o };
  const b = Buffer.alloc(13);
  b.writeUInt32BE(h.width, 0);
  b.writeUInt32BE(h.height, 4);
  b.set([h.depth, h.colour, 0, 0, h.interlace], 8);
  return pngChunk('IHDR', b);
};

/** Rows of zeros (filter 0) for `width`×`height` at `bpp` bytes per pixel. */
const rows = (width: number, height: number, bpp: number): Buffer => Buffer.alloc(height * (1 + width * bpp));

const png = (...chunks: Buffer[]): Buffer => Buffer.concat([PNG_MAGIC, ...chunks, pngChunk('IEND', Buffer.alloc(0))]);

const refusal = (data: Uint8Array, limits?: PngLimits): { code: string; reason: unknown } => {
  try {
    validatePng(data, 'IMG_SIGNATURE', limits);
    return { code: 'OK', reason: null };
  } catch (e) {
    if (!isAppFailure(e)) throw e;
    return { code: e.code, reason: (e.details as { reason?: unknown } | undefined)?.reason };
  }
};

describe('validatePng (signature and seal uploads)', () => {
  it('accepts RGBA, grey + alpha, RGB + tRNS and palette + tRNS at 8 bits', () => {
    expect(validatePng(signaturePng(), 'IMG_SIGNATURE')).toEqual({ width: 300, height: 120, colourType: 6, alpha: 'channel' });
    expect(validatePng(sealPng(), 'IMG_SEAL').alpha).toBe('channel');
    const grey = png(ihdr({ colour: 4 }), pngChunk('IDAT', deflateSync(rows(4, 4, 2))));
    expect(validatePng(grey, 'IMG_SIGNATURE')).toEqual({ width: 4, height: 4, colourType: 4, alpha: 'channel' });
    const rgbT = png(ihdr({ colour: 2 }), pngChunk('tRNS', Buffer.alloc(6)), pngChunk('IDAT', deflateSync(rows(4, 4, 3))));
    expect(validatePng(rgbT, 'IMG_SIGNATURE').alpha).toBe('tRNS');
    const pal = png(ihdr({ colour: 3 }), pngChunk('PLTE', Buffer.alloc(6)), pngChunk('tRNS', Buffer.from([0])), pngChunk('IDAT', deflateSync(rows(4, 4, 1))));
    expect(validatePng(pal, 'IMG_SIGNATURE')).toEqual({ width: 4, height: 4, colourType: 3, alpha: 'tRNS' });
  });

  it('not a PNG (a JPEG, a text file, empty) is BAD_FILE / NOT_PNG with a Vietnamese message', () => {
    expect(refusal(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]))).toEqual({ code: 'BAD_FILE', reason: 'NOT_PNG' });
    expect(refusal(Buffer.from('chữ ký.png'))).toEqual({ code: 'BAD_FILE', reason: 'NOT_PNG' });
    expect(refusal(new Uint8Array(0))).toEqual({ code: 'BAD_FILE', reason: 'NOT_PNG' });
    expect(() => validatePng(Buffer.from('x'), 'IMG_SEAL')).toThrow('Ảnh con dấu không phải tệp PNG.');
  });

  it('too many bytes is FILE_TOO_LARGE, checked before reading anything', () => {
    const limits = { maxBytes: 1000, maxSide: 2400, maxPixels: 4_000_000 };
    expect(refusal(Buffer.alloc(1001, 0x41), limits)).toEqual({ code: 'FILE_TOO_LARGE', reason: 'TOO_MANY_BYTES' });
    expect(refusal(Buffer.alloc(1024 * 1024 + 1))).toEqual({ code: 'FILE_TOO_LARGE', reason: 'TOO_MANY_BYTES' });
  });

  it('no alpha channel (plain RGB, plain grey) is NO_ALPHA: ND 30/2020 wants a transparent background', () => {
    expect(refusal(encodePng(8, 8, () => [0, 0, 255, 255], 2))).toEqual({ code: 'BAD_FILE', reason: 'NO_ALPHA' });
    expect(refusal(png(ihdr({ colour: 0 }), pngChunk('IDAT', deflateSync(rows(4, 4, 1)))))).toEqual({ code: 'BAD_FILE', reason: 'NO_ALPHA' });
  });

  it('huge dimensions are refused from IHDR alone (no inflate of a tiny IDAT claiming 30000×30000)', () => {
    expect(refusal(png(ihdr({ width: 30000, height: 30000 }), pngChunk('IDAT', deflateSync(Buffer.alloc(10)))))).toEqual({ code: 'BAD_FILE', reason: 'DIMENSIONS' });
    expect(refusal(png(ihdr({ width: 2401, height: 1 }), pngChunk('IDAT', deflateSync(rows(2401, 1, 4)))))).toEqual({ code: 'BAD_FILE', reason: 'DIMENSIONS' });
    expect(refusal(png(ihdr({ width: 2000, height: 2001 }), pngChunk('IDAT', deflateSync(Buffer.alloc(10)))))).toEqual({ code: 'BAD_FILE', reason: 'DIMENSIONS' });
    expect(refusal(png(ihdr({ width: 0, height: 4 }), pngChunk('IDAT', deflateSync(Buffer.alloc(4)))))).toEqual({ code: 'BAD_FILE', reason: 'DIMENSIONS' });
  });

  it('truncated files, broken CRCs and a missing or misplaced IHDR are refused', () => {
    const good = signaturePng();
    expect(refusal(good.subarray(0, good.length - 20))).toEqual({ code: 'BAD_FILE', reason: 'TRUNCATED' });
    expect(refusal(good.subarray(0, 20))).toEqual({ code: 'BAD_FILE', reason: 'TRUNCATED' });
    const badCrc = Buffer.from(good);
    badCrc[45] = badCrc[45]! ^ 0xff; // inside the IDAT data (magic 8 + IHDR 25 + length/type 8)
    expect(refusal(badCrc)).toEqual({ code: 'BAD_FILE', reason: 'BAD_CRC' });
    expect(refusal(png(pngChunk('IDAT', deflateSync(rows(4, 4, 4))), ihdr()))).toEqual({ code: 'BAD_FILE', reason: 'BAD_HEADER' });
    expect(refusal(png(ihdr({ colour: 3 }), pngChunk('tRNS', Buffer.from([0])), pngChunk('IDAT', deflateSync(rows(4, 4, 1)))))).toEqual({ code: 'BAD_FILE', reason: 'BAD_HEADER' });
  });

  it('16-bit and interlaced PNGs are UNSUPPORTED_FORMAT (the embedder only reads 8-bit, non-interlaced)', () => {
    expect(refusal(png(ihdr({ depth: 16 }), pngChunk('IDAT', deflateSync(rows(4, 4, 8)))))).toEqual({ code: 'BAD_FILE', reason: 'UNSUPPORTED_FORMAT' });
    expect(refusal(png(ihdr({ interlace: 1 }), pngChunk('IDAT', deflateSync(rows(4, 4, 4)))))).toEqual({ code: 'BAD_FILE', reason: 'UNSUPPORTED_FORMAT' });
    expect(refusal(png(ihdr({ colour: 3, depth: 4 }), pngChunk('PLTE', Buffer.alloc(6)), pngChunk('tRNS', Buffer.from([0])), pngChunk('IDAT', deflateSync(rows(2, 4, 1)))))).toEqual({
      code: 'BAD_FILE',
      reason: 'UNSUPPORTED_FORMAT',
    });
  });

  it('image data that inflates to more (a bomb) or less than IHDR announces, or is not zlib, is BAD_DATA', () => {
    const bomb = png(ihdr({ width: 100, height: 100 }), pngChunk('IDAT', deflateSync(Buffer.alloc(50_000_000))));
    expect(bomb.length).toBeLessThan(100_000);
    expect(refusal(bomb)).toEqual({ code: 'BAD_FILE', reason: 'BAD_DATA' });
    expect(refusal(png(ihdr(), pngChunk('IDAT', deflateSync(rows(4, 3, 4)))))).toEqual({ code: 'BAD_FILE', reason: 'BAD_DATA' });
    expect(refusal(png(ihdr(), pngChunk('IDAT', Buffer.from('not zlib at all'))))).toEqual({ code: 'BAD_FILE', reason: 'BAD_DATA' });
    expect(refusal(png(ihdr()))).toEqual({ code: 'BAD_FILE', reason: 'BAD_DATA' });
    const badFilter = rows(4, 4, 4);
    badFilter[0] = 9;
    expect(refusal(png(ihdr(), pngChunk('IDAT', deflateSync(badFilter))))).toEqual({ code: 'BAD_FILE', reason: 'BAD_DATA' });
  });
});
