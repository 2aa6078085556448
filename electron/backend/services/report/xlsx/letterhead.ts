import type ExcelJS from 'exceljs';

import type { DocumentFields } from '../../../../../shared/domain/admin-document/fields';
import { formatDocumentNumber, formatPlaceDate, issuingBodyLines } from '../../../../../shared/domain/admin-document/format';
import { MARGINS_MM, SIZE } from '../../admin-document/page';
import { MOTTO, NATIONAL_NAME } from '../../admin-document/letterhead';
import { FONT_NAME } from './styles';

const INCH_PER_MM = 1 / 25.4;
const inches = (mm: number): number => Math.round(mm * INCH_PER_MM * 10000) / 10000;

/**
 * Print setup of every sheet: A4, the report's margins (Nghị định 30/2020/NĐ-CP, Phụ lục I), one page wide,
 * the column header repeated on each page, and the page number centred at the top from page 2 on.
 */
export const pageSetup = (orientation: 'portrait' | 'landscape', headerRow: number): Partial<ExcelJS.PageSetup> => ({
  paperSize: 9,
  orientation,
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  printTitlesRow: `${headerRow}:${headerRow}`,
  margins: {
    top: inches(MARGINS_MM.top),
    bottom: inches(MARGINS_MM.bottom),
    left: inches(MARGINS_MM.left),
    right: inches(MARGINS_MM.right),
    header: inches(MARGINS_MM.top / 2),
    footer: 0,
  },
});

/** "&13" then the page number, centred; the first page has no header (as in the PDF). */
export const PAGE_NUMBER_HEADER: Partial<ExcelJS.HeaderFooter> = {
  differentFirst: true,
  firstHeader: '',
  oddHeader: `&C&"${FONT_NAME},Regular"&${SIZE.pageNumber}&P`,
};

/** The sheet's print area: every written row, every column of the table. */
export const setPrintArea = (ws: ExcelJS.Worksheet, lastCol: number): void => {
  const col = ws.getColumn(lastCol).letter;
  ws.pageSetup.printArea = `A1:${col}${ws.rowCount}`;
};

/** Rows 1–3 of a sheet: the agency block over columns 1..split, the Quốc hiệu block over split+1..last. */
const LETTERHEAD_ROWS = 3;

const put = (ws: ExcelJS.Worksheet, row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font>): void => {
  ws.mergeCells(row, from, row, to);
  const c = ws.getCell(row, from);
  c.value = text || null;
  c.font = { name: FONT_NAME, ...font };
  c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
};

/**
 * The report's letterhead at the top of a sheet, as in the PDF: governing and issuing body, "Số", Quốc hiệu,
 * Tiêu ngữ (underlined: a cell cannot hold the decree's separate rule), place and date. Then the sheet's title
 * lines and a blank row; returns the row for the column headers.
 */
export const writeLetterhead = (
  ws: ExcelJS.Worksheet,
  f: DocumentFields,
  cols: { split: number; last: number },
  titles: { text: string; bold?: boolean; italic?: boolean; size?: number }[],
): number => {
  const governing = f.governingBody.trim().toLocaleUpperCase('vi');
  const agency = [...(governing ? [{ text: governing, bold: false }] : []), ...issuingBodyLines(f.issuingBody).map((text) => ({ text, bold: true }))];
  // more than two lines: the rest joins the second row (wrapped)
  const left = agency.length > 2 ? [agency[0]!, { text: agency.slice(1).map((a) => a.text).join('\n'), bold: true }] : agency;
  const agencyFont = { size: SIZE.agency };
  put(ws, 1, 1, cols.split, left[0]?.text ?? '', { ...agencyFont, bold: left[0]?.bold ?? true });
  put(ws, 2, 1, cols.split, left[1]?.text ?? '', { ...agencyFont, bold: left[1]?.bold ?? true });
  put(ws, 3, 1, cols.split, `Số: ${formatDocumentNumber(f)}`, { size: SIZE.number });
  put(ws, 1, cols.split + 1, cols.last, NATIONAL_NAME, { size: SIZE.nationalName, bold: true });
  put(ws, 2, cols.split + 1, cols.last, MOTTO, { size: SIZE.motto, bold: true, underline: true });
  put(ws, 3, cols.split + 1, cols.last, formatPlaceDate(f.place, f.date), { size: 13, italic: true });
  if (left.length > 1 && left[1]!.text.includes('\n')) ws.getRow(2).height = 34;
  let row = LETTERHEAD_ROWS + 2;
  for (const t of titles) {
    put(ws, row, 1, cols.last, t.text, { size: t.size ?? 12, bold: t.bold ?? false, italic: t.italic ?? false });
    row++;
  }
  return row + 1;
};
