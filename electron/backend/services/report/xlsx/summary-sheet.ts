import type ExcelJS from 'exceljs';

import type { ReportModel } from '../../../../../shared/domain/report/model';
import { PAGE_NUMBER_HEADER, pageSetup, setPrintArea, writeLetterhead } from './letterhead';
import { BORDER_ALL, FMT_PERCENT, FMT_POINTS, FONT_NAME, HEADER_ROW, milliToNumber, sheetTitles, WRAP_TOP, writeHeaderRow } from './styles';
import type { TableLayout, TableOptions } from './table-sheet';
import { TABLE_SHEET_NAME } from './table-sheet';

export const SUMMARY_SHEET_NAME = 'Tổng hợp theo lĩnh vực';
const HEADERS = ['STT', 'Mã', 'Lĩnh vực', 'Điểm tối đa', 'Điểm tối đa áp dụng', 'Điểm tự đánh giá', 'Chỉ số (%)'];

const ref = (col: string, row: number): string => `'${TABLE_SHEET_NAME}'!${col}${row}`;

/** Index % = score / max, both as references into the table, so the summary follows any edit there. */
export const writeSummarySheet = (
  wb: ExcelJS.Workbook,
  m: ReportModel,
  layout: TableLayout,
  opts: TableOptions,
): void => {
  // seven columns fit a portrait page, like the report's summary table
  const ws = wb.addWorksheet(SUMMARY_SHEET_NAME, { pageSetup: pageSetup('portrait', HEADER_ROW), headerFooter: PAGE_NUMBER_HEADER });
  ws.columns = [6, 8, 44, 11, 12, 12, 11].map((width) => ({ width }));
  const headerRow = writeLetterhead(ws, m.document, { split: 3, last: HEADERS.length }, sheetTitles(m, `TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ THEO LĨNH VỰC NĂM ${m.year}`));
  writeHeaderRow(ws, headerRow, HEADERS);
  const cached = <T>(formula: string, result: T): ExcelJS.CellValue =>
    (opts.cachedResults ? { formula, result } : { formula }) as ExcelJS.CellValue;
  const ratio = (score: number, max: number): number => (max > 0 ? score / max : 0);

  let r = headerRow + 1;
  m.summaries.forEach((s, i) => {
    const tableRow = layout.domainRows.get(s.code);
    const row = ws.getRow(r);
    row.getCell(1).value = i + 1;
    row.getCell(2).value = s.code;
    row.getCell(3).value = s.title;
    row.getCell(4).value = tableRow ? cached(ref('C', tableRow), milliToNumber(s.maxMilli)) : milliToNumber(s.maxMilli);
    // N/A under a "rescale" policy leaves the denominator: a figure from the engine, not a formula
    row.getCell(5).value =
      s.applicableMaxMilli === s.maxMilli ? cached(`D${r}`, milliToNumber(s.maxMilli)) : milliToNumber(s.applicableMaxMilli);
    row.getCell(6).value = tableRow
      ? cached(ref('F', tableRow), milliToNumber(s.scoreMilli))
      : milliToNumber(s.scoreMilli);
    row.getCell(7).value = cached(`IF(E${r}>0,F${r}/E${r},0)`, ratio(s.scoreMilli, s.applicableMaxMilli));
    r++;
  });
  const t = m.totals;
  const total = ws.getRow(r);
  ws.mergeCells(r, 1, r, 3);
  total.getCell(1).value = t.classification ? `TỔNG CỘNG (xếp loại: ${t.classification})` : 'TỔNG CỘNG';
  // the grand total follows the table's total row, which applies the set's bonus/penalty rule
  total.getCell(4).value = cached(ref('C', layout.totalRow), milliToNumber(t.maxMilli));
  total.getCell(5).value =
    t.applicableMaxMilli === t.maxMilli ? cached(`D${r}`, milliToNumber(t.maxMilli)) : milliToNumber(t.applicableMaxMilli);
  total.getCell(6).value = cached(ref('F', layout.totalRow), milliToNumber(t.scoreMilli));
  total.getCell(7).value = cached(`IF(E${r}>0,F${r}/E${r},0)`, ratio(t.scoreMilli, t.applicableMaxMilli));

  for (let row = headerRow + 1; row <= r; row++) {
    for (let col = 1; col <= HEADERS.length; col++) {
      const c = ws.getCell(row, col);
      c.border = BORDER_ALL;
      c.alignment = WRAP_TOP;
      c.font = { name: FONT_NAME, size: 11, bold: row === r };
      if (col >= 4 && col <= 6) c.numFmt = FMT_POINTS;
      if (col === 7) c.numFmt = FMT_PERCENT;
    }
  }
  setPrintArea(ws, HEADERS.length);
};
