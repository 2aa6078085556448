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

const bad = (message: string): never => {
  throw new AppFailure('BAD_FILE', message);
};

const resolve = (doc: PDF, o: PdfObject | undefined): PdfObject | undefined => (o instanceof PdfRef ? (doc.getObject(o) ?? undefined) : o);

/** Signature fields (FT /Sig with a /V dictionary) under AcroForm /Fields, following /Kids. */
const signatureFields = (doc: PDF): { name: string; v: PdfDict }[] => {
  const form = resolve(doc, doc.getCatalog().get('AcroForm'));
  const top = form instanceof PdfDict ? resolve(doc, form.get('Fields')) : undefined;
  const out: { name: string; v: PdfDict }[] = [];
  let visited = 0;
  const walk = (items: PdfArray, prefix: string, depth: number): void => {
    if (depth > MAX_DEPTH) bad('Cấu trúc trường biểu mẫu của tệp PDF lồng quá sâu.');
    for (const item of items) {
      if (++visited > MAX_FIELDS) bad('Tệp PDF có quá nhiều trường biểu mẫu.');
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
  if (nums.length !== 4 || nums.some((n) => !Number.isSafeInteger(n) || n < 0)) bad(`Chữ ký "${name}" có /ByteRange không hợp lệ.`);
  const [a, l1, b, l2] = nums as [number, number, number, number];
  if (a !== 0 || l1 < 1 || b <= l1 || b + l2 > bytes.length) bad(`Chữ ký "${name}" có /ByteRange nằm ngoài tệp.`);
  // The unsigned gap must be exactly the hex string of /Contents: "<" hex digits ">".
  if (bytes[l1] !== 0x3c || bytes[b - 1] !== 0x3e) bad(`Khoảng không được ký của chữ ký "${name}" không đúng là /Contents.`);
  const hex = Buffer.from(bytes.buffer, bytes.byteOffset + l1 + 1, b - l1 - 2).toString('latin1');
  if (hex.length % 2 !== 0 || /[^0-9A-Fa-f]/.test(hex)) bad(`Khoảng không được ký của chữ ký "${name}" chứa dữ liệu khác ngoài chữ ký.`);
  const raw = Buffer.from(hex, 'hex');
  const contents = v.get('Contents');
  if (!(contents instanceof PdfString) || !Buffer.from(contents.bytes).equals(raw)) bad(`/Contents của chữ ký "${name}" không khớp vị trí /ByteRange.`);
  const len = derLength(raw);
  if (len < 0 || len > raw.length || raw.subarray(len).some((x) => x !== 0)) bad(`/Contents của chữ ký "${name}" không phải một CMS DER.`);
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
  if (pdf.length > MAX_PDF_BYTES) throw new AppFailure('FILE_TOO_LARGE', 'Tệp PDF quá lớn.');
  let doc: PDF;
  try {
    doc = await PDF.load(pdf, { lenient: false });
  } catch {
    return bad('Tệp PDF bị hỏng hoặc không đúng định dạng.');
  }
  return signatureFields(doc).map((f) => checkOne(pdf, f.name, f.v));
};

/** The signature that covers the whole file (the last one applied); refuses a file with none. */
export const extractPdfSignature = async (pdf: Uint8Array): Promise<PdfSignature> => {
  const all = await extractPdfSignatures(pdf);
  const whole = all.filter((s) => s.coversWholeFile);
  if (whole.length !== 1) bad(all.length === 0 ? 'Tệp PDF không có chữ ký số.' : 'Không có chữ ký nào bao trọn tệp PDF (tệp đã bị thêm nội dung sau khi ký).');
  return whole[0]!;
};
