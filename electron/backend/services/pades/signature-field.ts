import { PdfArray, PdfDict, PdfName, PdfNumber, PdfRef, PdfString } from '@libpdf/core';
import type { PDF, PDFPage, PdfObject } from '@libpdf/core';

import { AppFailure } from '../../../../shared/ipc/result';
import { pdfDateVietnam } from './vietnam-time';

/**
 * Adds the objects of one PAdES signature to a loaded document (written later as an incremental update):
 * the signature dictionary with fixed-width placeholders, a merged field/widget annotation carrying the
 * appearance, the page's /Annots and the catalog's /AcroForm (SigFlags 3: signatures exist, append only).
 */

/** Ten digits per number: wide enough for any file offset we accept; the real values are padded to fit. */
export const BYTE_RANGE_PLACEHOLDER = 9_999_999_999;

export type SignatureDictOptions = {
  signingTime: Date;
  contentsBytes: number;
  reason?: string;
  location?: string;
  contactInfo?: string;
};

const resolve = (doc: PDF, o: PdfObject | undefined): PdfObject | undefined => (o instanceof PdfRef ? (doc.getObject(o) ?? undefined) : o);

const text = (s: string): PdfString => PdfString.fromString(s.normalize('NFC'));

/** The /Sig dictionary. /Contents is a hex string of zeros that byte-range.ts replaces in place. */
const signatureDict = (o: SignatureDictOptions): PdfDict => {
  const d = PdfDict.of({
    Type: PdfName.of('Sig'),
    Filter: PdfName.of('Adobe.PPKLite'),
    SubFilter: PdfName.of('ETSI.CAdES.detached'),
    ByteRange: PdfArray.of(...[0, BYTE_RANGE_PLACEHOLDER, BYTE_RANGE_PLACEHOLDER, BYTE_RANGE_PLACEHOLDER].map((n) => PdfNumber.of(n))),
    Contents: new PdfString(new Uint8Array(o.contentsBytes), 'hex'),
    M: PdfString.fromString(pdfDateVietnam(o.signingTime)),
  });
  if (o.reason) d.set('Reason', text(o.reason));
  if (o.location) d.set('Location', text(o.location));
  if (o.contactInfo) d.set('ContactInfo', text(o.contactInfo));
  return d;
};

/** The AcroForm dictionary, created (and linked from the catalog) when the document has none. */
const acroFormOf = (doc: PDF): PdfDict => {
  const catalog = doc.getCatalog();
  const existing = resolve(doc, catalog.get('AcroForm'));
  if (existing instanceof PdfDict) return existing;
  const created = PdfDict.of({ Fields: PdfArray.of() });
  catalog.set('AcroForm', doc.register(created));
  return created;
};

/** The array stored under `key` (inline or indirect), created inline when missing. */
const arrayAt = (doc: PDF, dict: PdfDict, key: string): PdfArray => {
  const found = resolve(doc, dict.get(key));
  if (found instanceof PdfArray) return found;
  const created = PdfArray.of();
  dict.set(key, created);
  return created;
};

const fieldNames = (doc: PDF, fields: PdfArray): Set<string> => {
  const names = new Set<string>();
  for (const f of fields) {
    const t = (resolve(doc, f) as PdfDict | undefined)?.get?.('T');
    if (t instanceof PdfString) names.add(t.asString());
  }
  return names;
};

/** Adds the signature; returns the reference of the /Sig dictionary (located again after saving). */
export const addSignatureField = (
  doc: PDF,
  page: PDFPage,
  widget: { rect: [number, number, number, number]; appearance: PdfRef; fieldName?: string },
  sig: SignatureDictOptions,
): PdfRef => {
  const sigRef = doc.register(signatureDict(sig));
  const form = acroFormOf(doc);
  const fields = arrayAt(doc, form, 'Fields');
  const taken = fieldNames(doc, fields);
  if (widget.fieldName && taken.has(widget.fieldName)) {
    throw AppFailure.of('PDF_FIELD_EXISTS', { field: widget.fieldName });
  }
  let name = widget.fieldName ?? '';
  for (let n = 1; !name || taken.has(name); n++) name = `Signature${n}`;
  const widgetRef = doc.register(
    PdfDict.of({
      Type: PdfName.of('Annot'),
      Subtype: PdfName.of('Widget'),
      FT: PdfName.of('Sig'),
      T: text(name),
      V: sigRef,
      // Print (4) + Locked (128): shown when printed, not movable in a viewer.
      F: PdfNumber.of(132),
      P: page.ref,
      Rect: PdfArray.of(...widget.rect.map((n) => PdfNumber.of(Math.round(n * 100) / 100))),
      AP: PdfDict.of({ N: widget.appearance }),
    }),
  );
  fields.push(widgetRef);
  form.set('SigFlags', PdfNumber.of(3));
  arrayAt(doc, page.dict, 'Annots').push(widgetRef);
  return sigRef;
};
