import type ExcelJS from 'exceljs';

import type { ReportModel } from '../../../../shared/domain/report/model';
import {
  A4_LANDSCAPE,
  BORDER_ALL,
  FMT_DATE,
  FMT_INT,
  FONT_NAME,
  isoToDate,
  WRAP_TOP,
  writeHeaderRow,
  writeTitleBlock,
} from './styles';

export const EVIDENCE_SHEET_NAME = 'Tài liệu kiểm chứng';
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
    pageSetup: { ...A4_LANDSCAPE, printTitlesRow: '5:5' },
    views: [{ state: 'frozen', ySplit: 5 }],
  });
  ws.columns = [6, 16, 18, 13, 44, 24, 28, 12, 30, 18].map((width) => ({ width }));
  const headerRow = writeTitleBlock(ws, HEADERS.length, [
    m.unit.name.toUpperCase(),
    `DANH MỤC TÀI LIỆU KIỂM CHỨNG NĂM ${m.year}`,
    `Bộ chỉ số: ${m.setName}`,
  ]);
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
      c.font = { name: col === 9 ? 'Consolas' : FONT_NAME, size: col === 9 ? 8 : 11 };
      if (col === 4) c.numFmt = FMT_DATE;
      if (col === 8) c.numFmt = FMT_INT;
    });
  });
};
