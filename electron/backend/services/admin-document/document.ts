import pdfmake from 'pdfmake';

import type { DocumentFields } from '../../../../shared/domain/admin-document/fields';
import { DOCUMENT_FIELDS_HINT, FIELD_LABELS, missingFields, missingFieldsMessage } from '../../../../shared/domain/admin-document/fields';
import { AppFailure } from '../../../../shared/ipc/result';
import { FONT_FAMILY, fontFiles, isInside, measureWith, resolveFontDir } from './fonts';
import type { Measure } from './fonts';
import type { Content } from './keep-whole';
import { letterhead, titleBlock } from './letterhead';
import { LINE_HEIGHT, MARGINS, PAGE_MARGINS, PAGE_NUMBER_TOP, PARAGRAPH_INDENT, PARAGRAPH_SPACING, SIZE, textWidth } from './page';
import { signatureBlock } from './signature';
import { SlotRecorder } from './signature-slot';
import type { SignaturePlacement } from './signature-slot';

export type { SignaturePlacement } from './signature-slot';

/**
 * One administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): letterhead, type and trích yếu, the
 * caller's body, Nơi nhận and the signature block, page numbers from page 2. A report, an appraisal result or
 * a ranking decision differ only in these fields and their body.
 */
export type AdminDocumentSpec = {
  fields: DocumentFields;
  /** Tên loại: "Báo cáo", "Thông báo", "Quyết định"… (printed upper case). */
  docType: string;
  /** Trích yếu nội dung, printed bold under the type. */
  summary: string;
  /** "Kính gửi" (reports and submissions to a superior); none when empty. */
  addressees?: readonly string[];
  /** The body as pdfmake nodes; style names from BODY_STYLES. A node may switch to landscape and back. */
  body: Content[];
  /** A draft may leave fields empty ("…"), is watermarked "DỰ THẢO" and says so on page 1. */
  draft: boolean;
  info: { title: string; author: string; subject: string; createdAt: string };
};

export type AdminDocumentPdf = { data: Buffer; signature: SignaturePlacement };

/** Styles a body may use, sized per the decree (body) or for legibility where it says nothing (tables). */
export const BODY_STYLES = {
  para: { alignment: 'justify', leadingIndent: PARAGRAPH_INDENT, margin: [0, 0, 0, PARAGRAPH_SPACING] },
  /** Section headings (I., II., …): upper case, bold. */
  h1: { bold: true, margin: [0, 6, 0, PARAGRAPH_SPACING] },
  /** Sub-headings (1., 2., …): bold. */
  h2: { bold: true, margin: [0, 4, 0, PARAGRAPH_SPACING] },
  caption: { fontSize: SIZE.table, italics: true, alignment: 'center', margin: [0, 10, 0, 4] },
  table: { fontSize: SIZE.table, lineHeight: 1, margin: [0, 4, 0, 8] },
  tableWide: { fontSize: SIZE.tableWide, lineHeight: 1, margin: [0, 4, 0, 8] },
  th: { bold: true, alignment: 'center', fillColor: '#D9D9D9' },
} as const;

const DRAFT = 'DỰ THẢO';

/** "BÁO CÁO" → "Báo cáo", for messages. */
const sentenceCase = (s: string): string => {
  const lower = s.trim().toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
};

const pageHeader = (draft: boolean) => (currentPage: number) => {
  // page 1 shows no number (Phụ lục I, I.3); a draft says so in that free top margin
  if (currentPage === 1) {
    return draft
      ? { text: DRAFT, bold: true, fontSize: SIZE.pageNumber, alignment: 'right', margin: [MARGINS.left, PAGE_NUMBER_TOP, MARGINS.right, 0] }
      : null;
  }
  return { text: String(currentPage), fontSize: SIZE.pageNumber, alignment: 'center', margin: [MARGINS.left, PAGE_NUMBER_TOP, MARGINS.right, 0] };
};

/** The pdfmake definition; separate from the rendering so tests can inspect its structure. */
export const adminDocumentDefinition = (spec: AdminDocumentSpec, measure: Measure, recorder?: SlotRecorder): Record<string, unknown> => {
  const width = textWidth('portrait');
  const stamp = new Date(spec.info.createdAt);
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    info: {
      title: spec.draft ? `${spec.info.title} (dự thảo)` : spec.info.title,
      author: spec.info.author,
      subject: spec.info.subject,
      creator: 'CCHC Tự đánh giá',
      producer: 'CCHC Tự đánh giá',
      creationDate: stamp,
      modDate: stamp,
    },
    header: pageHeader(spec.draft),
    ...(spec.draft ? { watermark: { text: DRAFT, opacity: 0.08, bold: true, fontSize: 110, angle: -50 } } : {}),
    content: [
      letterhead(spec.fields, width, measure),
      titleBlock(spec.docType, spec.summary, spec.addressees ?? [], width, measure),
      ...spec.body,
      // a body that switched to landscape switches back before it ends: the signature page is portrait
      signatureBlock(spec.fields.signer, spec.fields.recipients, width),
    ],
    ...(recorder ? { pageBreakBefore: recorder.pageBreakBefore } : {}),
    defaultStyle: { font: FONT_FAMILY, fontSize: SIZE.body, lineHeight: LINE_HEIGHT, color: 'black' },
    styles: BODY_STYLES,
  };
};

let configuredFontDir: string | null = null;

/** pdfmake is a process-wide singleton: configure fonts and access policies once per font folder. */
const configure = (fontDir: string): void => {
  if (configuredFontDir === fontDir) return;
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(isInside(fontDir));
  pdfmake.setFonts(fontFiles(fontDir));
  configuredFontDir = fontDir;
};

/**
 * Refuses a final document with an empty required field (a draft may have them), then renders it and
 * returns the PDF with where its signature goes. Pure apart from reading the font files.
 */
export const renderAdminDocument = async (spec: AdminDocumentSpec, options: { resourcesDir?: string } = {}): Promise<AdminDocumentPdf> => {
  if (!spec.draft) {
    const missing = missingFields(spec.fields);
    if (missing.length) {
      const labels = missing.map((k) => FIELD_LABELS[k]);
      throw AppFailure.of('DOCUMENT_INCOMPLETE', { detail: missingFieldsMessage(labels, sentenceCase(spec.docType), DOCUMENT_FIELDS_HINT), count: missing.length }, { missing });
    }
  }
  const fontDir = resolveFontDir(options.resourcesDir);
  configure(fontDir);
  const recorder = new SlotRecorder();
  const data = await pdfmake.createPdf(adminDocumentDefinition(spec, measureWith(fontDir), recorder)).getBuffer();
  return { data, signature: recorder.placement() };
};
