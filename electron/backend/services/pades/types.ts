import type { Signer } from '../signing/signer';

/** [x1, y1, x2, y2] in PDF points, in the page's user space (origin bottom-left, as in /MediaBox). */
export type Rect = [number, number, number, number];

/**
 * Where the visible signature goes. A caller that knows the layout passes the page and the box (e.g. the
 * gap between "THỦ TRƯỞNG ĐƠN VỊ" and the name in the report); attachments signed by the organisation go to
 * the top right of the first page (Nghị định 30/2020/NĐ-CP, Phụ lục I), computed from the page size.
 */
export type Placement = { pageIndex: number; rect: Rect } | 'first-page-top-right';

/** TrueType/OpenType font files (bytes). They must cover Vietnamese; bold falls back to regular. */
export type AppearanceFonts = { regular: Uint8Array; bold?: Uint8Array };

/**
 * The signer's visible signature (Nghị định 30/2020/NĐ-CP, Phụ lục I): with `signatureImage` the blue
 * signature image sits centred between the title line and the name line, and the red seal (actual size,
 * `seal.widthMm`) covers about the left third of it; without images a text block shows name, title,
 * organisation and signing time. `showTitleAndName: false` leaves the two lines out when the document
 * already prints them around the box.
 */
export type Nd30Appearance = {
  kind: 'nd30';
  title: string;
  name: string;
  organisation: string;
  signatureImage?: Uint8Array;
  seal?: { image: Uint8Array; widthMm: number };
  showTitleAndName?: boolean;
};

/** An attachment signed by the organisation: no image, document number and ISO 8601 time, 10 pt black. */
export type AttachmentAppearance = { kind: 'attachment'; documentNumber: string };

export type SignPdfOptions = {
  signer: Signer;
  /** The claimed signing time: written to /M and shown in the appearance (never into the CMS, see cms.ts). */
  signingTime: Date;
  placement: Placement;
  appearance: Nd30Appearance | AttachmentAppearance;
  fonts: AppearanceFonts;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** Signature field name; default "Signature<n>" with the first free n. */
  fieldName?: string;
};

/** What the reader finds for one signature: the byte ranges, the CMS (DER, padding removed), the SubFilter. */
export type PdfSignature = {
  fieldName: string;
  byteRange: [number, number, number, number];
  cms: Uint8Array;
  subFilter: string;
  /** True when the ranges cover the whole file except the /Contents hex string. */
  coversWholeFile: boolean;
};
