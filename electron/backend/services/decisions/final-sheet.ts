import ExcelJS from 'exceljs';

import { blockName } from '../../../../shared/domain/blocks';
import { fromMilli } from '../../../../shared/domain/points';
import type { FinalTable } from './final-table';

const COLUMNS = [
  { header: 'Hạng', key: 'rank', width: 7 },
  { header: 'Mã đơn vị', key: 'code', width: 14 },
  { header: 'Tên đơn vị', key: 'name', width: 42 },
  { header: 'Điểm tự đánh giá', key: 'self', width: 14 },
  { header: 'Điểm thẩm định', key: 'appraised', width: 14 },
  { header: 'Điểm cuối cùng', key: 'final', width: 14 },
  { header: 'Chỉ số (%)', key: 'index', width: 11 },
  { header: 'Xếp loại', key: 'band', width: 14 },
] as const;

/**
 * The final results of a closed year as .xlsx: one sheet per block in rank order, scores as numbers from exact
 * milli-points (like services/inbox/ranking-sheet.ts), printed A4 landscape, one page wide, the header rows
 * repeated on every page.
 */
export const buildFinalWorkbook = async (t: FinalTable, generatedAt: Date): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CCHC Tự đánh giá';
  wb.title = `Kết quả Chỉ số CCHC năm ${t.year}`;
  wb.created = generatedAt;
  wb.modified = generatedAt;
  for (const block of ['SO', 'PHUONG', 'XA_DAC_KHU'] as const) {
    const ws = wb.addWorksheet(blockName(block), {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2', horizontalCentered: true },
    });
    ws.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
    ws.addRow([`Kết quả Chỉ số CCHC năm ${t.year} — khối ${blockName(block)}`]).font = { bold: true, size: 13 };
    const header = ws.addRow(COLUMNS.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle' };
    for (const r of t.blocks[block]) {
      const row = ws.addRow({
        rank: r.rank ?? '',
        code: r.unitCode,
        name: r.unitName,
        self: fromMilli(r.self),
        appraised: fromMilli(r.appraised),
        final: fromMilli(r.final),
        index: r.index === null ? '' : r.index / 100,
        band: r.classification,
      });
      for (const k of ['self', 'appraised', 'final'] as const) row.getCell(k).numFmt = '0.000';
      row.getCell('index').numFmt = '0.00';
    }
    ws.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
};
