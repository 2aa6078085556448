import type ExcelJS from 'exceljs';

/**
 * Cell formats for the official table. Excel has no per-file decimal separator: the reader's regional settings
 * decide it, so on a Vietnamese Windows these show "12,50" and "85,00%". The `[$-42A]` prefix (Vietnamese LCID)
 * keeps date names Vietnamese in every locale.
 */
export const FMT_POINTS = '#,##0.00#';
export const FMT_PERCENT = '0.00%';
export const FMT_DATE = '[$-42A]dd/mm/yyyy';
export const FMT_INT = '#,##0';

export const FONT_NAME = 'Times New Roman';

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const BORDER_ALL: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export const FILL_HEADER: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
export const FILL_DOMAIN: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
export const FILL_NA: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };

export const WRAP_TOP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
export const CENTER: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'middle', horizontal: 'center' };

/** Points as a spreadsheet number: exact at three decimals because milli-points are integers. */
export const milliToNumber = (milli: number): number => milli / 1000;

/** Date cell value from ISO yyyy-mm-dd (UTC midnight, so Excel's serial date is the calendar day). */
export const isoToDate = (iso: string | null): Date | null => {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
};

export const A4_LANDSCAPE: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
};

/** Writes the title block (merged across `lastCol`) and returns the next free row. */
export const writeTitleBlock = (ws: ExcelJS.Worksheet, lastCol: number, lines: string[]): number => {
  lines.forEach((text, i) => {
    const r = i + 1;
    ws.mergeCells(r, 1, r, lastCol);
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.font = { name: FONT_NAME, bold: true, size: i === 1 ? 14 : 12 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  return lines.length + 2;
};

/** Writes a bold, bordered header row. */
export const writeHeaderRow = (ws: ExcelJS.Worksheet, row: number, headers: string[]): void => {
  const r = ws.getRow(row);
  headers.forEach((h, i) => {
    const c = r.getCell(i + 1);
    c.value = h;
    c.font = { name: FONT_NAME, bold: true };
    c.alignment = CENTER;
    c.border = BORDER_ALL;
    c.fill = FILL_HEADER;
  });
  r.height = 45;
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
