import { createHash } from 'node:crypto';

import type { PdfRef } from '@libpdf/core';

import { AppFailure } from '../../../../shared/ipc/result';
import { BYTE_RANGE_PLACEHOLDER } from './signature-field';

/**
 * The two-phase part of PAdES signing that no library does the way baseline B-B needs: find the
 * placeholders of our /Sig dictionary in the saved update, write the real /ByteRange in place (same
 * width, padded with spaces), hash exactly the bytes it names, and write the CMS hex into /Contents.
 */

export type Placeholders = {
  /** Offset of "[" and of the byte after "]" of the /ByteRange array. */
  byteRange: [number, number];
  /** Offset of "<" and of the byte after ">" of the /Contents hex string. */
  contents: [number, number];
};

const fail = (why: string): never => {
  throw AppFailure.of('PDF_PLACEHOLDER_FAILED', { detail: why });
};

/**
 * Finds the placeholders inside the object `ref`, searching only the appended update (from `start`): the
 * object must appear there exactly once, written plainly (not inside an object stream).
 */
export const locatePlaceholders = (saved: Uint8Array, start: number, ref: PdfRef, contentsBytes: number): Placeholders => {
  const tail = Buffer.from(saved.buffer, saved.byteOffset + start, saved.byteLength - start).toString('latin1');
  const header = new RegExp(`(^|[\\r\\n\\s])${ref.objectNumber} ${ref.generation} obj\\b`, 'g');
  const hits = [...tail.matchAll(header)];
  if (hits.length !== 1) fail(`đối tượng chữ ký xuất hiện ${hits.length} lần`);
  const objStart = hits[0]!.index! + hits[0]![1]!.length;
  const objEnd = tail.indexOf('endobj', objStart);
  if (objEnd < 0) fail('thiếu endobj');
  const body = tail.slice(objStart, objEnd);
  const br = /\/ByteRange\s*(\[\s*0\s+(\d+)\s+(\d+)\s+(\d+)\s*\])/.exec(body);
  if (!br || ![br[2], br[3], br[4]].every((n) => Number(n) === BYTE_RANGE_PLACEHOLDER)) fail('thiếu /ByteRange');
  const ct = /\/Contents\s*(<([0-9A-Fa-f]*)>)/.exec(body);
  if (!ct || ct[2]!.length !== 2 * contentsBytes || /[^0]/.test(ct[2]!)) fail('thiếu /Contents');
  if (body.split('/ByteRange').length !== 2 || body.split('/Contents').length !== 2) fail('trùng khóa');
  const brAt = start + objStart + br!.index + br![0].indexOf('[');
  const ctAt = start + objStart + ct!.index + ct![0].indexOf('<');
  return { byteRange: [brAt, brAt + br![1]!.length], contents: [ctAt, ctAt + ct![1]!.length] };
};

/** Writes /ByteRange, asks `makeCms` for the CMS over the SHA-256 of the covered bytes, writes it as hex. */
export const fillSignature = async (
  saved: Uint8Array,
  ph: Placeholders,
  makeCms: (digest: Uint8Array) => Promise<Uint8Array>,
): Promise<Uint8Array> => {
  const out = Buffer.from(saved);
  const [c0, c1] = ph.contents;
  const range = [0, c0, c1, out.length - c1];
  const width = ph.byteRange[1] - ph.byteRange[0];
  const head = `[${range.join(' ')}`;
  if (head.length + 1 > width) fail('tệp quá lớn cho /ByteRange');
  out.write(`${head}${' '.repeat(width - head.length - 1)}]`, ph.byteRange[0], 'latin1');
  const digest = createHash('sha256').update(out.subarray(0, c0)).update(out.subarray(c1)).digest();
  const cms = await makeCms(new Uint8Array(digest));
  const room = (c1 - c0 - 2) / 2;
  if (cms.length > room) fail(`chữ ký ${cms.length} byte lớn hơn chỗ dành sẵn ${room} byte`);
  // Uppercase hex, zero-padded to the reserved width: the covered bytes do not change, only /Contents.
  out.write(Buffer.from(cms).toString('hex').toUpperCase(), c0 + 1, 'latin1');
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};
