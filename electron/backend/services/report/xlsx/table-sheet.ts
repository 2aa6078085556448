import type ExcelJS from 'exceljs';

import { childSign, evidenceCellText, nodeScoreMilli, STATUS_LABELS } from '../../../../../shared/domain/report/format';
import type { ReportModel, ReportNode } from '../../../../../shared/domain/report/model';
import { PAGE_NUMBER_HEADER, pageSetup, setPrintArea, writeLetterhead } from './letterhead';
import {
  BORDER_ALL,
  FILL_DOMAIN,
  FILL_NA,
  FMT_DEDUCTION,
  FMT_POINTS,
  fitRowHeight,
  FONT_NAME,
  HEADER_ROW,
  milliToNumber,
  sheetTitles,
  sumFormula,
  WRAP_TOP,
  writeHeaderRow,
} from './styles';
import type { LeafRows } from './totals';
import { totalMaxFormula, totalScoreFormula } from './totals';

export const TABLE_SHEET_NAME = 'Bảng tự đánh giá';

export const TABLE_HEADERS = [
  'STT/Mã',
  'Lĩnh vực / Tiêu chí / Tiêu chí thành phần',
  'Điểm tối đa',
  'Số liệu kê khai',
  'Phương pháp chấm',
  'Điểm tự đánh giá',
  'Giải trình',
  'Tài liệu kiểm chứng (số/ký hiệu, ngày, trích yếu)',
  'Ghi chú',
] as const;

// in characters: about 200 in all, so one landscape page wide still prints near 70 %
const WIDTHS = [9, 40, 9, 18, 28, 10, 32, 38, 14];
const COL_MAX = 'C';
const COL_SCORE = 'F';

/** Where each domain's max and score cells ended up (the summary sheet references them). */
export type TableLayout = { domainRows: Map<string, number>; totalRow: number };

export type TableOptions = { cachedResults: boolean };

const formulaValue = (formula: string, milli: number, opts: TableOptions): ExcelJS.CellValue =>
  opts.cachedResults ? { formula, result: milliToNumber(milli) } : { formula };

/**
 * The main sheet. Parents get SUM formulas over their children's cells (so an agency can correct a number in
 * Excel and see the totals follow); the cached result is the app's exact figure, so a reader that does not
 * recalculate still shows the right value.
 */
export const writeTableSheet = (wb: ExcelJS.Workbook, m: ReportModel, opts: TableOptions): TableLayout => {
  const ws = wb.addWorksheet(TABLE_SHEET_NAME, {
    pageSetup: pageSetup('landscape', HEADER_ROW),
    headerFooter: PAGE_NUMBER_HEADER,
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const headerRow = writeLetterhead(
    ws,
    m.document,
    { split: 3, last: TABLE_HEADERS.length },
    sheetTitles(m, `BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${m.year}`),
  );
  writeHeaderRow(ws, headerRow, [...TABLE_HEADERS]);

  let next = headerRow + 1;
  const domainRows = new Map<string, number>();
  const leaves: LeafRows = { main: [], bonus: [], penalty: [] };

  const writeNode = (n: ReportNode): number => {
    const rowNo = next++;
    const row = ws.getRow(rowNo);
    const isParent = n.children.length > 0;
    row.getCell(1).value = n.code;
    row.getCell(2).value = n.title;
    row.getCell(4).value = n.declaredInputsText || null;
    row.getCell(5).value = n.methodText || null;
    row.getCell(7).value = n.explanation || null;
    row.getCell(8).value = evidenceCellText(n) || null;
    row.getCell(9).value = [STATUS_LABELS[n.status], n.note].filter(Boolean).join(' — ') || null;

    const childRows = n.children.map(writeNode);
    const maxCell = row.getCell(3);
    const scoreCell = row.getCell(6);
    if (isParent) {
      const childMax = n.children.reduce((s, c) => s + c.maxMilli, 0);
      maxCell.value =
        childMax === n.maxMilli ? formulaValue(sumFormula(COL_MAX, childRows), n.maxMilli, opts) : milliToNumber(n.maxMilli);
      const childSum = nodeScoreMilli(n);
      const score = n.scoreMilli ?? childSum;
      // penalties next to other nodes are subtracted, as the scoring engine rolls up
      const plus = childRows.filter((_, i) => childSign(n, n.children[i]!) === 1);
      const minus = childRows.filter((_, i) => childSign(n, n.children[i]!) === -1);
      const sum = minus.length ? `${sumFormula(COL_SCORE, plus)}-${sumFormula(COL_SCORE, minus)}` : sumFormula(COL_SCORE, plus);
      if (score === childSum) scoreCell.value = formulaValue(sum, score, opts);
      else if (score === Math.min(n.maxMilli, childSum)) {
        // the indicator set caps this parent at its max (e.g. bonus children)
        scoreCell.value = formulaValue(`MIN(${COL_MAX}${rowNo},${sum})`, score, opts);
      } else scoreCell.value = milliToNumber(score);
    } else {
      (n.kind === 'bonus' ? leaves.bonus : n.kind === 'penalty' ? leaves.penalty : leaves.main).push(rowNo);
      maxCell.value = milliToNumber(n.maxMilli);
      scoreCell.value = n.scoreMilli === null ? null : milliToNumber(n.scoreMilli);
    }

    row.eachCell({ includeEmpty: true }, (c, col) => {
      if (col > TABLE_HEADERS.length) return;
      c.border = BORDER_ALL;
      c.alignment = col === 3 || col === 6 ? { ...WRAP_TOP, horizontal: 'right' } : WRAP_TOP;
      c.font = { name: FONT_NAME, size: 11, bold: n.level !== 'sub', italic: n.status === 'na' };
      if (col === 3 || col === 6) c.numFmt = col === 6 && n.kind === 'penalty' ? FMT_DEDUCTION : FMT_POINTS;
      if (n.level === 'domain') c.fill = FILL_DOMAIN;
      else if (n.status === 'na') c.fill = FILL_NA;
    });
    // Parents have no inputs/evidence of their own: merge those cells so the row reads as a heading.
    if (isParent) {
      ws.mergeCells(rowNo, 4, rowNo, 5);
      ws.mergeCells(rowNo, 7, rowNo, 9);
    }
    fitRowHeight(row, WIDTHS);
    return rowNo;
  };

  for (const d of m.domains) domainRows.set(d.code, writeNode(d));

  const totalRow = next;
  const tr = ws.getRow(totalRow);
  ws.mergeCells(totalRow, 1, totalRow, 2);
  tr.getCell(1).value = 'TỔNG CỘNG';
  const maxF = totalMaxFormula(m, COL_MAX, domainRows);
  const scoreF = totalScoreFormula(m, COL_SCORE, [...domainRows.values()], leaves);
  tr.getCell(3).value = maxF ? formulaValue(maxF, m.totals.maxMilli, opts) : milliToNumber(m.totals.maxMilli);
  tr.getCell(6).value = scoreF ? formulaValue(scoreF, m.totals.scoreMilli, opts) : milliToNumber(m.totals.scoreMilli);
  if (m.totals.classification) tr.getCell(9).value = `Xếp loại: ${m.totals.classification}`;
  for (let col = 1; col <= TABLE_HEADERS.length; col++) {
    const c = tr.getCell(col);
    c.border = BORDER_ALL;
    c.font = { name: FONT_NAME, size: 11, bold: true };
    if (col === 3 || col === 6) c.numFmt = FMT_POINTS;
  }
  setPrintArea(ws, TABLE_HEADERS.length);
  return { domainRows, totalRow };
};
