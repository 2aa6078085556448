import ExcelJS from 'exceljs';

import type { Sheet } from './template';

/**
 * Writing the register template (loaded lazily: services/office-loader.ts). Reading a template from outside
 * goes through the hardened reader, services/untrusted-xlsx (zip limits, then a heap-capped worker).
 */

/** Writes sheets of plain cells with a bold, frozen header row. */
export const writeXlsxSheets = async (sheets: readonly Sheet[], now: Date): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CCHC Tự đánh giá';
  wb.created = now;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    for (const r of s.rows) ws.addRow(r);
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((col, i) => {
      col.width = i === 0 ? 14 : i === 1 ? 44 : 28;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
};
