import { PDF, PdfArray, PdfDict, PdfName, PdfNumber, PdfRef, PdfString } from '@libpdf/core';
import type { PdfObject } from '@libpdf/core';

import { AppFailure } from '../../../../shared/ipc/result';
import { MAX_PDF_BYTES } from './sign-pdf';
import type { PdfSignature } from './types';

/**
 * Reads the signatures of a PDF with strict cross-checks between the parsed dictionary and the raw bytes:
 * /ByteRange starts at 0, its gap is exactly the "<hex>" of /Contents (nothing else is left unsigned),
 * the hex there is the /Contents value, and the CMS is one DER object followed only by zero padding.
 * Tests use it next to independent tools; the PDF verifier can build on it.
 */

const MAX_FIELDS = 1000;
const MAX_DEPTH = 16;

const bad = (failure: AppFailure): never => {
  throw failure;
};

const resolve = (doc: PDF, o: PdfObject | undefined): PdfObject | undefined => (o instanceof PdfRef ? (doc.getObject(o) ?? undefined) : o);

/** Signature fields (FT /Sig with a /V dictionary) under AcroForm /Fields, following /Kids. */
const signatureFields = (doc: PDF): { name: string; v: PdfDict }[] => {
  const form = resolve(doc, doc.getCatalog().get('AcroForm'));
  const top = form instanceof PdfDict ? resolve(doc, form.get('Fields')) : undefined;
  const out: { name: string; v: PdfDict }[] = [];
  let visited = 0;
  const walk = (items: PdfArray, prefix: string, depth: number): void => {
    if (depth > MAX_DEPTH) bad(AppFailure.of('PDF_FIELDS_TOO_DEEP'));
    for (const item of items) {
      if (++visited > MAX_FIELDS) bad(AppFailure.of('PDF_TOO_MANY_FIELDS'));
      const f = resolve(doc, item);
      if (!(f instanceof PdfDict)) continue;
      const t = f.get('T');
      const name = t instanceof PdfString ? (prefix ? `${prefix}.${t.asString()}` : t.asString()) : prefix;
      const kids = resolve(doc, f.get('Kids'));
      if (kids instanceof PdfArray) walk(kids, name, depth + 1);
      const ft = f.get('FT');
      const v = resolve(doc, f.get('V'));
      if (ft instanceof PdfName && ft.value === 'Sig' && v instanceof PdfDict) out.push({ name, v });
    }
  };
  if (top instanceof PdfArray) walk(top, '', 0);
  return out;
};

/** Length of the DER object at the start of `b` (definite lengths only), or -1. */
const derLength = (b: Uint8Array): number => {
  if (b.length < 2 || b[0] !== 0x30) return -1;
  const first = b[1]!;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  if (n === 0 || n > 4 || b.length < 2 + n) return -1;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + b[2 + i]!;
  return 2 + n + len;
};

const checkOne = (bytes: Uint8Array, name: string, v: PdfDict): PdfSignature => {
  const br = v.get('ByteRange');
  const nums = br instanceof PdfArray ? [...br].map((n) => (n instanceof PdfNumber && n.isInteger() ? n.value : NaN)) : [];
  if (nums.length !== 4 || nums.some((n) => !Number.isSafeInteger(n) || n < 0)) bad(AppFailure.of('PDF_BYTE_RANGE_INVALID', { field: name }));
  const [a, l1, b, l2] = nums as [number, number, number, number];
  if (a !== 0 || l1 < 1 || b <= l1 || b + l2 > bytes.length) bad(AppFailure.of('PDF_BYTE_RANGE_OUTSIDE', { field: name }));
  // The unsigned gap must be exactly the hex string of /Contents: "<" hex digits ">".
  if (bytes[l1] !== 0x3c || bytes[b - 1] !== 0x3e) bad(AppFailure.of('PDF_GAP_NOT_CONTENTS', { field: name }));
  const hex = Buffer.from(bytes.buffer, bytes.byteOffset + l1 + 1, b - l1 - 2).toString('latin1');
  if (hex.length % 2 !== 0 || /[^0-9A-Fa-f]/.test(hex)) bad(AppFailure.of('PDF_GAP_EXTRA_DATA', { field: name }));
  const raw = Buffer.from(hex, 'hex');
  const contents = v.get('Contents');
  if (!(contents instanceof PdfString) || !Buffer.from(contents.bytes).equals(raw)) bad(AppFailure.of('PDF_CONTENTS_MISPLACED', { field: name }));
  const len = derLength(raw);
  if (len < 0 || len > raw.length || raw.subarray(len).some((x) => x !== 0)) bad(AppFailure.of('PDF_CONTENTS_NOT_CMS', { field: name }));
  const sf = v.get('SubFilter');
  return {
    fieldName: name,
    byteRange: [a, l1, b, l2],
    cms: new Uint8Array(raw.subarray(0, len)),
    subFilter: sf instanceof PdfName ? sf.value : '',
    coversWholeFile: b + l2 === bytes.length,
  };
};

/** Every signature, in field order. */
export const extractPdfSignatures = async (pdf: Uint8Array): Promise<PdfSignature[]> => {
  if (pdf.length > MAX_PDF_BYTES) throw AppFailure.of('PDF_TOO_LARGE');
  let doc: PDF;
  try {
    doc = await PDF.load(pdf, { lenient: false });
  } catch {
    return bad(AppFailure.of('PDF_UNREADABLE'));
  }
  return signatureFields(doc).map((f) => checkOne(pdf, f.name, f.v));
};

/** The signature that covers the whole file (the last one applied); refuses a file with none. */
export const extractPdfSignature = async (pdf: Uint8Array): Promise<PdfSignature> => {
  const all = await extractPdfSignatures(pdf);
  const whole = all.filter((s) => s.coversWholeFile);
  if (whole.length !== 1) bad(AppFailure.of(all.length === 0 ? 'PDF_UNSIGNED' : 'PDF_NOT_WHOLLY_SIGNED'));
  return whole[0]!;
};
