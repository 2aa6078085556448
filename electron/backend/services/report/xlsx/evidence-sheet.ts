import type ExcelJS from 'exceljs';

import type { ReportModel } from '../../../../../shared/domain/report/model';
import { PAGE_NUMBER_HEADER, pageSetup, setPrintArea, writeLetterhead } from './letterhead';
import { BORDER_ALL, fitRowHeight, FMT_DATE, FMT_INT, FONT_NAME, HEADER_ROW, isoToDate, sheetTitles, WRAP_TOP, writeHeaderRow } from './styles';

export const EVIDENCE_SHEET_NAME = 'Tài liệu kiểm chứng';
const WIDTHS = [6, 14, 16, 12, 40, 22, 24, 11, 36, 14];
const HEADERS = [
  'STT',
  'Loại văn bản',
  'Số/ký hiệu',
  'Ngày ban hành',
  'Trích yếu',
  'Cơ quan ban hành',
  'Tên tệp gốc',
  'Dung lượng (byte)',
  'SHA-256',
  'Dùng cho tiêu chí',
];

/** Every document with its metadata, fingerprint and the codes it supports (the appraiser's checklist). */
export const writeEvidenceSheet = (wb: ExcelJS.Workbook, m: ReportModel): void => {
  const ws = wb.addWorksheet(EVIDENCE_SHEET_NAME, {
    pageSetup: pageSetup('landscape', HEADER_ROW),
    headerFooter: PAGE_NUMBER_HEADER,
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const headerRow = writeLetterhead(ws, m.document, { split: 4, last: HEADERS.length }, sheetTitles(m, `DANH MỤC TÀI LIỆU KIỂM CHỨNG NĂM ${m.year}`));
  writeHeaderRow(ws, headerRow, HEADERS);
  m.evidence.forEach((e, i) => {
    const r = ws.getRow(headerRow + 1 + i);
    const date = isoToDate(e.issuedDate);
    r.values = [
      i + 1,
      e.docType,
      e.number,
      date ?? e.issuedDate ?? '',
      e.summary,
      e.issuer,
      e.originalName,
      e.sizeBytes,
      e.sha256,
      e.nodeCodes.join(', '),
    ];
    r.eachCell({ includeEmpty: true }, (c, col) => {
      c.border = BORDER_ALL;
      c.alignment = WRAP_TOP;
      c.font = { name: FONT_NAME, size: col === 9 ? 8 : 11 };
      if (col === 4) c.numFmt = FMT_DATE;
      if (col === 8) c.numFmt = FMT_INT;
    });
    fitRowHeight(r, WIDTHS);
  });
  setPrintArea(ws, HEADERS.length);
};
