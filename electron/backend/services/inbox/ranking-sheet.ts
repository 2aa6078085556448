import ExcelJS from 'exceljs';

import { blockName } from '../../../../shared/domain/blocks';
import { fromMilli } from '../../../../shared/domain/points';
import type { InboxRow } from '../../../../shared/ipc/channels/inbox';
import type { UnitType } from '../../../../shared/schemas/unit';


const COLUMNS = [
  { header: 'Hạng', key: 'rank', width: 7 },
  { header: 'Mã đơn vị', key: 'code', width: 14 },
  { header: 'Tên đơn vị', key: 'name', width: 42 },
  { header: 'Điểm tự đánh giá', key: 'self', width: 16 },
  { header: 'Điểm thẩm định', key: 'appraised', width: 16 },
  { header: 'Chỉ số (%)', key: 'index', width: 12 },
  { header: 'Xếp loại', key: 'band', width: 14 },
  { header: 'Phiên bản hồ sơ', key: 'revision', width: 10 },
  { header: 'Kết quả kiểm tra chữ ký', key: 'status', width: 26 },
] as const;

/**
 * The ranking of one year as an .xlsx buffer: one sheet per block, in rank order. Scores are written as
 * numbers converted from exact milli-points (three decimals at most, shown with two for the index), so a
 * spreadsheet can sort and sum them; the text of the app's own formatting is not needed.
 */
export const buildRankingWorkbook = async (year: number, blocks: Record<UnitType, InboxRow[]>, generatedAt: Date): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CCHC Tự đánh giá';
  wb.title = `Xếp hạng Chỉ số CCHC năm ${year}`;
  wb.created = generatedAt;
  wb.modified = generatedAt;
  for (const block of ['SO', 'PHUONG', 'XA_DAC_KHU'] as const) {
    const ws = wb.addWorksheet(blockName(block));
    ws.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
    ws.addRow([`Xếp hạng Chỉ số CCHC năm ${year} — khối ${blockName(block)}`]).font = { bold: true, size: 13 };
    const header = ws.addRow(COLUMNS.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle' };
    for (const r of blocks[block]) {
      const row = ws.addRow({
        rank: r.rank ?? '',
        code: r.unitCode,
        name: r.unitName,
        self: fromMilli(r.selfTotal),
        appraised: fromMilli(r.appraisedTotal),
        // hundredths of a percent → percent; IEEE division rounds exactly as parsing "96.17" would
        index: r.index === null ? '' : r.index / 100,
        band: r.classification ?? '',
        revision: r.revision,
        status: r.status === 'VALID' ? 'Hợp lệ' : `Hợp lệ, có cảnh báo (${r.warnings.join(', ')})`,
      });
      row.getCell('self').numFmt = '0.000';
      row.getCell('appraised').numFmt = '0.000';
      row.getCell('index').numFmt = '0.00';
    }
    ws.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
};
