/**
 * The page and type figures of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I). Where the
 * decree gives a range we take one value and say which; docs/report-format.md lists each figure against the
 * decree and the few places we differ.
 */

export const PT_PER_MM = 72 / 25.4;
const mm = (v: number): number => Math.round(v * PT_PER_MM * 100) / 100;

/** A4, 210 × 297 mm, in points (what pdfmake's 'A4' is). */
export const A4 = { width: 595.28, height: 841.89 } as const;

/**
 * Margins: top 20–25 mm, bottom 20–25 mm, left 30–35 mm, right 15–20 mm. We take the lower bound of each
 * (the widest text area the decree allows, which the landscape score tables need). Landscape pages keep the
 * same four values in their own orientation.
 */
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
export const MARGINS = {
  top: mm(MARGINS_MM.top),
  bottom: mm(MARGINS_MM.bottom),
  left: mm(MARGINS_MM.left),
  right: mm(MARGINS_MM.right),
} as const;
/** pdfmake order: [left, top, right, bottom]. */
export const PAGE_MARGINS: [number, number, number, number] = [MARGINS.left, MARGINS.top, MARGINS.right, MARGINS.bottom];

export const textWidth = (orientation: 'portrait' | 'landscape'): number =>
  (orientation === 'portrait' ? A4.width : A4.height) - MARGINS.left - MARGINS.right;

/** Font sizes in points, each within the decree's range for the element. */
export const SIZE = {
  /** Quốc hiệu: upper case, 12–13, bold. 12 keeps it on one line in the right-hand column. */
  nationalName: 12,
  /** Tiêu ngữ: 13–14, bold, with a rule as long as the line beneath. */
  motto: 13,
  /** Cơ quan chủ quản (upper case, regular) and cơ quan ban hành (upper case, bold): 12–13. */
  agency: 13,
  /** "Số: …/…": 13. */
  number: 13,
  /** Địa danh và thời gian: 13–14, italic. */
  placeDate: 14,
  /** Tên loại (upper case, bold) and trích yếu (bold): 13–14. */
  docType: 14,
  summary: 14,
  /** "Kính gửi:": 14 (the decree's figure for reports and submissions to a superior). */
  addressee: 14,
  /** Nội dung: 13–14, justified, first-line indent 1–1.27 cm, ≥ 6 pt between paragraphs. */
  body: 14,
  /** Quyền hạn, chức vụ (upper case, bold) and họ tên (bold) of the signer: 13–14. */
  signer: 14,
  /** "Nơi nhận:" 12, bold italic; the list 11, regular. */
  recipientsLabel: 12,
  recipients: 11,
  /** Số trang: 13–14, Arabic numerals, centred in the top margin, not on page 1. */
  pageNumber: 14,
  /** Tables (not regulated by the decree): the summary in portrait, the detail and evidence in landscape. */
  table: 12,
  tableWide: 11,
  /** SHA-256 fingerprints (64 hex digits in two lines). */
  fingerprint: 7,
} as const;

/** First-line indent of a body paragraph: 1.27 cm. */
export const PARAGRAPH_INDENT = mm(12.7);
/** Space after a body paragraph: the decree's minimum, 6 pt. */
export const PARAGRAPH_SPACING = 6;
/** Line spacing as pdfmake's multiplier of the font's own line height (single = 1; the decree allows up to 1.5). */
export const LINE_HEIGHT = 1.1;

/** Header columns: the agency block on the left, the Quốc hiệu (≈ 88 mm at 12 pt bold) on the right. */
export const HEADER_LEFT_WIDTH = 195;
/** Where the page number's box starts in the top margin (its text ends ≈ 16 mm from the edge). */
export const PAGE_NUMBER_TOP = 28;
/** Height kept free between the signer's title and name for the handwritten or digital signature and seal. */
export const SIGNATURE_SPACE = 80;
