import type ExcelJS from 'exceljs';

import type { ReportModel } from '../../../../shared/domain/report/model';
import {
  A4_LANDSCAPE,
  BORDER_ALL,
  FMT_PERCENT,
  FMT_POINTS,
  FONT_NAME,
  milliToNumber,
  WRAP_TOP,
  writeHeaderRow,
  writeTitleBlock,
} from './styles';
import type { TableLayout, TableOptions } from './table-sheet';
import { TABLE_SHEET_NAME } from './table-sheet';

export const SUMMARY_SHEET_NAME = 'Tổng hợp theo lĩnh vực';
const HEADERS = ['STT', 'Mã', 'Lĩnh vực', 'Điểm tối đa', 'Điểm tự đánh giá', 'Chỉ số (%)'];

const ref = (col: string, row: number): string => `'${TABLE_SHEET_NAME}'!${col}${row}`;

/** Index % = score / max, both as references into the table, so the summary follows any edit there. */
export const writeSummarySheet = (
  wb: ExcelJS.Workbook,
  m: ReportModel,
  layout: TableLayout,
  opts: TableOptions,
): void => {
  const ws = wb.addWorksheet(SUMMARY_SHEET_NAME, {
    pageSetup: { ...A4_LANDSCAPE, printTitlesRow: '5:5' },
  });
  ws.columns = [6, 10, 60, 14, 16, 14].map((width) => ({ width }));
  const headerRow = writeTitleBlock(ws, HEADERS.length, [
    m.unit.name.toUpperCase(),
    `TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ THEO LĨNH VỰC NĂM ${m.year}`,
    `Bộ chỉ số: ${m.setName}`,
  ]);
  writeHeaderRow(ws, headerRow, HEADERS);
  const cached = <T>(formula: string, result: T): ExcelJS.CellValue =>
    (opts.cachedResults ? { formula, result } : { formula }) as ExcelJS.CellValue;
  const ratio = (score: number, max: number): number => (max > 0 ? score / max : 0);

  let r = headerRow + 1;
  const first = r;
  m.summaries.forEach((s, i) => {
    const tableRow = layout.domainRows.get(s.code);
    const row = ws.getRow(r);
    row.getCell(1).value = i + 1;
    row.getCell(2).value = s.code;
    row.getCell(3).value = s.title;
    row.getCell(4).value = tableRow ? cached(ref('C', tableRow), milliToNumber(s.maxMilli)) : milliToNumber(s.maxMilli);
    row.getCell(5).value = tableRow
      ? cached(ref('F', tableRow), milliToNumber(s.scoreMilli))
      : milliToNumber(s.scoreMilli);
    row.getCell(6).value = cached(`IF(D${r}>0,E${r}/D${r},0)`, ratio(s.scoreMilli, s.maxMilli));
    r++;
  });
  const last = r - 1;
  const total = ws.getRow(r);
  ws.mergeCells(r, 1, r, 3);
  total.getCell(1).value = 'TỔNG CỘNG';
  total.getCell(4).value = cached(`SUM(D${first}:D${last})`, milliToNumber(m.totals.maxMilli));
  total.getCell(5).value = cached(`SUM(E${first}:E${last})`, milliToNumber(m.totals.scoreMilli));
  total.getCell(6).value = cached(`IF(D${r}>0,E${r}/D${r},0)`, ratio(m.totals.scoreMilli, m.totals.maxMilli));

  for (let row = headerRow + 1; row <= r; row++) {
    for (let col = 1; col <= HEADERS.length; col++) {
      const c = ws.getCell(row, col);
      c.border = BORDER_ALL;
      c.alignment = WRAP_TOP;
      c.font = { name: FONT_NAME, bold: row === r };
      if (col === 4 || col === 5) c.numFmt = FMT_POINTS;
      if (col === 6) c.numFmt = FMT_PERCENT;
    }
  }
};
