import { crc32, inflateSync } from 'node:zlib';

import type { ErrorParams, ErrorReason, Phrase } from '../../../../shared/ipc/errors/index';
import { AppFailure } from '../../../../shared/ipc/result';

/**
 * Checks an uploaded signature or seal image BEFORE anything decodes it (the PDF library's PNG decoder has
 * no size limits of its own and mis-reads bit depths below 8). Nghị định 30/2020/NĐ-CP, Phụ lục I wants PNG
 * with a transparent background, so an image without an alpha channel (colour type 4/6, or tRNS) is refused.
 */

export type PngLimits = { maxBytes: number; maxSide: number; maxPixels: number };

/** A seal 40 mm wide scanned at 600 dpi is ~950 px: 2400 px a side leaves room without inviting bombs. */
export const DEFAULT_PNG_LIMITS: PngLimits = { maxBytes: 1024 * 1024, maxSide: 2400, maxPixels: 4_000_000 };

export type PngInfo = { width: number; height: number; colourType: 0 | 2 | 3 | 4 | 6; alpha: 'channel' | 'tRNS' };

/** Machine-readable reasons in AppFailure.details.reason; the UI may show its own text for each. */
export type PngRefusal =
  | 'NOT_PNG'
  | 'TRUNCATED'
  | 'BAD_CRC'
  | 'BAD_HEADER'
  | 'UNSUPPORTED_FORMAT'
  | 'NO_ALPHA'
  | 'DIMENSIONS'
  | 'BAD_DATA';

const MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_CHUNKS = 10_000;

/** Which image; the UI words the failure (reason) and the details keep the refusal kind for callers. */
type PngImage = Extract<Phrase, `IMG_${string}`>;

const refuse = <R extends Extract<ErrorReason, `PNG_${string}`>>(kind: PngRefusal, failure: R, params: ErrorParams<R>, extra: Record<string, unknown> = {}): never => {
  throw AppFailure.fromReason(failure, params, { reason: kind, ...extra });
};

/** Bytes per pixel at bit depth 8 for the colour types we accept. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * Validates a PNG: size, magic, chunk layout with CRCs, IHDR (8-bit, not interlaced), pixel limits, an alpha
 * channel, and that the image data inflates to exactly the size IHDR announces (inflate is capped at that
 * size, so a zlib bomb stops early). `image` names the image in the failure's text.
 */
export const validatePng = (data: Uint8Array, image: PngImage, limits: PngLimits = DEFAULT_PNG_LIMITS): PngInfo => {
  if (data.length > limits.maxBytes) {
    throw AppFailure.of('PNG_TOO_LARGE', { image, max: limits.maxBytes }, { reason: 'TOO_MANY_BYTES', maxBytes: limits.maxBytes });
  }
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < 8 || !buf.subarray(0, 8).equals(MAGIC)) refuse('NOT_PNG', 'PNG_NOT_PNG', { image });
  let off = 8;
  let ihdr: Buffer | null = null;
  let hasTrns = false;
  let hasPlte = false;
  let ended = false;
  const idat: Buffer[] = [];
  for (let n = 0; !ended; n++) {
    if (n > MAX_CHUNKS) refuse('BAD_DATA', 'PNG_ODD_STRUCTURE', { image });
    if (off + 12 > buf.length) refuse('TRUNCATED', 'PNG_TRUNCATED', { image });
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    if (len > buf.length - off - 12) refuse('TRUNCATED', 'PNG_TRUNCATED', { image });
    const body = buf.subarray(off + 8, off + 8 + len);
    if (crc32(buf.subarray(off + 4, off + 8 + len)) !== buf.readUInt32BE(off + 8 + len)) {
      refuse('BAD_CRC', 'PNG_BAD_CRC', { image, chunk: type });
    }
    if (n === 0 && type !== 'IHDR') refuse('BAD_HEADER', 'PNG_NO_HEADER', { image });
    if (type === 'IHDR') {
      if (n !== 0 || len !== 13) refuse('BAD_HEADER', 'PNG_BAD_HEADER', { image });
      ihdr = body;
    } else if (type === 'PLTE') hasPlte = true;
    else if (type === 'tRNS') hasTrns = true;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') ended = true;
    off += 12 + len;
  }
  const h = ihdr!;
  const width = h.readUInt32BE(0);
  const height = h.readUInt32BE(4);
  const [depth, colourType, compression, filter, interlace] = [h[8]!, h[9]!, h[10]!, h[11]!, h[12]!];
  if (width === 0 || height === 0 || width > limits.maxSide || height > limits.maxSide || width * height > limits.maxPixels) {
    refuse('DIMENSIONS', 'PNG_TOO_WIDE', { image, width, height, side: limits.maxSide }, {
      width,
      height,
    });
  }
  const channels = CHANNELS[colourType];
  if (channels === undefined || compression !== 0 || filter !== 0) refuse('BAD_HEADER', 'PNG_BAD_HEADER', { image });
  if (depth !== 8 || interlace !== 0) {
    refuse('UNSUPPORTED_FORMAT', 'PNG_FORMAT', { image });
  }
  if (colourType === 3 && !hasPlte) refuse('BAD_HEADER', 'PNG_NO_PALETTE', { image });
  const alpha = colourType === 4 || colourType === 6 ? 'channel' : hasTrns ? 'tRNS' : null;
  if (!alpha) refuse('NO_ALPHA', 'PNG_NO_ALPHA', { image });
  if (idat.length === 0) refuse('BAD_DATA', 'PNG_NO_DATA', { image });
  const expected = height * (1 + width * channels!);
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat), { maxOutputLength: expected + 1 });
  } catch {
    return refuse('BAD_DATA', 'PNG_BAD_DATA', { image });
  }
  if (raw.length !== expected) refuse('BAD_DATA', 'PNG_BAD_DATA', { image });
  for (let y = 0; y < height; y++) {
    if (raw[y * (1 + width * channels!)]! > 4) refuse('BAD_DATA', 'PNG_BAD_FILTER', { image });
  }
  return { width, height, colourType: colourType as PngInfo['colourType'], alpha: alpha! };
};
