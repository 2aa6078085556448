import type ExcelJS from 'exceljs';

import { formatDocumentNumber, PLACEHOLDER } from '../../../../../shared/domain/admin-document/format';
import { formatDate } from '../../../../../shared/format/index';
import type { ReportModel } from '../../../../../shared/domain/report/model';

/**
 * Cell formats for the official table. Excel has no per-file decimal separator: the reader's regional settings
 * decide it, so on a Vietnamese Windows these show "12,50" and "85,00%". The `[$-42A]` prefix (Vietnamese LCID)
 * keeps date names Vietnamese in every locale.
 */
export const FMT_POINTS = '#,##0.00#';
/** A penalty's points: the cell holds the positive amount (so the sums stay plain), shown as "−0,50". */
export const FMT_DEDUCTION = '"−"#,##0.00#;-#,##0.00#;0.00';
export const FMT_PERCENT = '0.00%';
export const FMT_DATE = '[$-42A]dd/mm/yyyy';
export const FMT_INT = '#,##0';

/**
 * Times New Roman, the decree's typeface: every Windows PC has it. The PDF embeds Tinos, its metric-compatible
 * stand-in (a spreadsheet cannot embed fonts; LibreOffice maps Times New Roman to a metric-compatible serif).
 */
export const FONT_NAME = 'Times New Roman';

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const BORDER_ALL: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Grey shading, as in the PDF: prints the same in black and white. */
export const FILL_HEADER: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
export const FILL_DOMAIN: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
export const FILL_NA: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5F5F5' } };

export const WRAP_TOP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
export const CENTER: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'middle', horizontal: 'center' };

/** Points as a spreadsheet number: exact at three decimals because milli-points are integers. */
export const milliToNumber = (milli: number): number => milli / 1000;

/** Date cell value from ISO yyyy-mm-dd (UTC midnight, so Excel's serial date is the calendar day). */
export const isoToDate = (iso: string | null): Date | null => {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
};

/** Letterhead rows 1–3, a blank row, three title rows, a blank row: the column headers are on row 9. */
export const HEADER_ROW = 9;

/**
 * A sheet's three title lines: its name, what it accompanies (the report, by number and date) and the set.
 * The workbook goes out with the report; where the report has no number or date yet, "…" stands in.
 */
export const sheetTitles = (m: ReportModel, title: string): { text: string; bold?: boolean; italic?: boolean; size?: number }[] => [
  { text: title, bold: true, size: 14 },
  {
    text: `(Kèm theo Báo cáo số ${formatDocumentNumber(m.document)} ngày ${formatDate(m.document.date) || PLACEHOLDER} của ${m.unit.name})`,
    italic: true,
  },
  { text: `Bộ chỉ số: ${m.setName} (phiên bản ${m.setVersion})`, italic: true },
];

/** Writes a bold, bordered header row. */
export const writeHeaderRow = (ws: ExcelJS.Worksheet, row: number, headers: string[]): void => {
  const r = ws.getRow(row);
  headers.forEach((h, i) => {
    const c = r.getCell(i + 1);
    c.value = h;
    c.font = { name: FONT_NAME, size: 11, bold: true };
    c.alignment = CENTER;
    c.border = BORDER_ALL;
    c.fill = FILL_HEADER;
  });
  r.height = 45;
};

/**
 * Row height for wrapped text: spreadsheet programs do not grow a row written without one when they print
 * (LibreOffice overprints the next row), so estimate the lines each cell needs from its column width (in
 * characters) and take the tallest. 11 pt Times New Roman needs about 15 pt a line.
 */
export const fitRowHeight = (row: ExcelJS.Row, widths: readonly number[], lineHeight = 15): void => {
  let lines = 1;
  row.eachCell((c, col) => {
    if (c.isMerged && c.master !== c) return;
    const text = typeof c.value === 'string' ? c.value : '';
    const width = Math.max(1, (widths[col - 1] ?? 10) - 1);
    const need = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil((part.length * 0.75) / width)), 0);
    lines = Math.max(lines, need);
  });
  row.height = lines * lineHeight;
};

/** SUM over cells in one column; contiguous rows become a range, and long lists are chunked (255-arg limit). */
export const sumFormula = (col: string, rows: number[]): string => {
  if (rows.length === 0) return '0';
  const sorted = [...rows].sort((a, b) => a - b);
  const contiguous = sorted.every((r, i) => i === 0 || r === sorted[i - 1]! + 1);
  if (contiguous) return `SUM(${col}${sorted[0]}:${col}${sorted[sorted.length - 1]})`;
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i += 200) {
    parts.push(`SUM(${sorted.slice(i, i + 200).map((r) => `${col}${r}`).join(',')})`);
  }
  return parts.join('+');
};
