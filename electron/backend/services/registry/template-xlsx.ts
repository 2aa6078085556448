import ExcelJS from 'exceljs';

import { cellText } from '../indicator-sets/excel-cells';
import type { Cell, Sheet } from './template';

/**
 * The file side of the register template (loaded lazily: services/office-loader.ts). `readXlsxSheets` has the
 * shape of the hardened worker reader planned in services/untrusted-xlsx (`{ sheets: { name, rows }[] }`), so
 * swapping it in is one call; until then it reads with exceljs in this process after the handler's size cap,
 * and stops at `maxRows` rows per sheet.
 */

export type ReadLimits = { maxRows: number; maxColumns: number };

export const readXlsxSheets = async (bytes: Uint8Array, limits: ReadLimits): Promise<{ sheets: Sheet[] }> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: Sheet[] = [];
  wb.eachSheet((ws) => {
    const rows: Cell[][] = [];
    const last = Math.min(ws.rowCount, limits.maxRows + 1);
    for (let r = 1; r <= last; r++) {
      const row = ws.getRow(r);
      const cells: Cell[] = [];
      for (let c = 1; c <= Math.min(row.cellCount, limits.maxColumns); c++) {
        const t = cellText(row.getCell(c).value);
        cells.push(t === '' ? null : t);
      }
      rows.push(cells);
    }
    sheets.push({ name: ws.name.normalize('NFC'), rows });
  });
  return { sheets };
};

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
