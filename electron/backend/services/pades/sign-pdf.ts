import { PDF } from '@libpdf/core';
import type { PDFPage } from '@libpdf/core';

import { AppFailure } from '../../../../shared/ipc/result';
import { assembleSignedData, buildSignedAttributes } from '../bundle/cms';
import { buildAppearance } from './appearance';
import { fillSignature, locatePlaceholders } from './byte-range';
import { addSignatureField } from './signature-field';
import type { SignPdfOptions } from './types';

/**
 * Signs a PDF as PAdES baseline B-B (ETSI EN 319 142-1): SubFilter ETSI.CAdES.detached, a detached CMS
 * whose signed attributes are contentType, messageDigest (SHA-256 of the /ByteRange bytes) and
 * signingCertificateV2, WITHOUT signingTime (forbidden in the baseline; the claimed time is /M), with a
 * visible appearance per Nghị định 30/2020/NĐ-CP. The result is the input bytes unchanged followed by one
 * incremental update, so anything that hashed or signed the input before still matches.
 *
 * @libpdf/core parses the input (classic xref tables and xref streams), embeds the fonts and images and
 * writes the update; the CMS comes from bundle/cms.ts and the key never leaves the Signer (a .p12 or a
 * PKCS#11 token: only the DER of the signed attributes is handed to it). docs/signed-pdf.md says why.
 */

/** Largest input accepted: the /ByteRange placeholder holds ten digits, and reports are far smaller. */
export const MAX_PDF_BYTES = 512 * 1024 * 1024;

const loadDocument = async (pdf: Uint8Array): Promise<PDF> => {
  let doc: PDF;
  try {
    // Strict parsing: a file the parser would have to repair cannot be extended by an honest update.
    doc = await PDF.load(pdf, { lenient: false });
  } catch {
    throw AppFailure.of('PDF_UNREADABLE_TO_SIGN');
  }
  if (doc.isEncrypted) throw AppFailure.of('PDF_ENCRYPTED');
  const blocker = doc.canSaveIncrementally();
  if (blocker) throw AppFailure.of('PDF_NOT_INCREMENTAL', { detail: blocker });
  return doc;
};

const pageFor = (doc: PDF, opts: SignPdfOptions): PDFPage => {
  const index = opts.placement === 'first-page-top-right' ? 0 : opts.placement.pageIndex;
  const page = Number.isInteger(index) ? doc.getPage(index) : null;
  if (!page) throw AppFailure.of('PDF_NO_SUCH_PAGE', { page: index + 1 });
  // Boxes are in unrotated user space; a rotated page would show the appearance sideways.
  if (page.rotation !== 0) throw AppFailure.of('PDF_ROTATED_PAGE');
  return page;
};

/** Room for the CMS: the certificates it carries plus signed attributes and an RSA-4096 signature. */
const contentsBytesFor = (opts: SignPdfOptions): number =>
  4096 + opts.signer.certificate.length + opts.signer.chain.reduce((n, c) => n + c.length, 0);

/** Returns `pdf` followed by the signed incremental update. */
export const signPdf = async (pdf: Uint8Array, opts: SignPdfOptions): Promise<Uint8Array> => {
  if (pdf.length > MAX_PDF_BYTES) throw AppFailure.of('PDF_TOO_LARGE_TO_SIGN');
  if (Number.isNaN(opts.signingTime.getTime())) throw AppFailure.of('SIGNING_TIME_INVALID');
  const doc = await loadDocument(pdf);
  const page = pageFor(doc, opts);
  const appearance = buildAppearance(doc, page, opts);
  const contentsBytes = contentsBytesFor(opts);
  const sigRef = addSignatureField(
    doc,
    page,
    { rect: appearance.rect, appearance: appearance.stream, ...(opts.fieldName ? { fieldName: opts.fieldName } : {}) },
    {
      signingTime: opts.signingTime,
      contentsBytes,
      ...(opts.reason ? { reason: opts.reason } : {}),
      ...(opts.location ? { location: opts.location } : {}),
      ...(opts.contactInfo ? { contactInfo: opts.contactInfo } : {}),
    },
  );
  const saved = await doc.save({ incremental: true, subsetFonts: true });
  // The promise of an incremental update, checked rather than assumed.
  if (saved.length <= pdf.length || !Buffer.from(saved.buffer, saved.byteOffset, pdf.length).equals(pdf)) {
    throw AppFailure.of('PDF_ORIGINAL_CHANGED');
  }
  const placeholders = locatePlaceholders(saved, pdf.length, sigRef, contentsBytes);
  return fillSignature(saved, placeholders, async (digest) => {
    const signed = buildSignedAttributes({ contentDigest: digest, signerCertificate: opts.signer.certificate, signingTime: null });
    const signature = await opts.signer.sign(signed.der);
    return assembleSignedData({
      signed,
      signature,
      signerCertificate: opts.signer.certificate,
      chain: opts.signer.chain,
      signatureAlgorithm: opts.signer.signatureAlgorithm,
    });
  });
};
