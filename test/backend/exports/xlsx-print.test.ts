import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { buildWorkbook } from '../../../electron/backend/services/report/xlsx/workbook';
import { makeSampleModel } from './fixture-model';

/** Font and print setup read back from the file, against the report's format (docs/report-format.md). */
const load = async (): Promise<ExcelJS.Workbook> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildWorkbook(makeSampleModel(12))) as unknown as ArrayBuffer);
  return wb;
};
const inch = (mm: number): number => Math.round((mm / 25.4) * 10000) / 10000;

describe('Excel table: font, A4 print setup and letterhead', () => {
  it('writes every cell in Times New Roman (the family the PDF embeds a metric twin of)', async () => {
    const wb = await load();
    for (const ws of wb.worksheets) {
      let cells = 0;
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.isMerged && c.master !== c) return;
          cells++;
          expect(c.font?.name, `${ws.name}!${c.address}`).toBe('Times New Roman');
        }),
      );
      expect(cells, ws.name).toBeGreaterThan(20);
    }
  });

  it('prints each sheet on A4, one page wide, with the decree margins, repeated headers and a print area', async () => {
    const wb = await load();
    const orientation = { 'Bảng tự đánh giá': 'landscape', 'Tổng hợp theo lĩnh vực': 'portrait', 'Tài liệu kiểm chứng': 'landscape' };
    const lastCol = { 'Bảng tự đánh giá': 'I', 'Tổng hợp theo lĩnh vực': 'G', 'Tài liệu kiểm chứng': 'J' };
    for (const ws of wb.worksheets) {
      const name = ws.name as keyof typeof orientation;
      const p = ws.pageSetup;
      expect(p.paperSize, name).toBe(9);
      expect(p.orientation, name).toBe(orientation[name]);
      expect([p.fitToPage, p.fitToWidth, p.fitToHeight], name).toEqual([true, 1, 0]);
      expect(p.printTitlesRow, name).toBe('9:9');
      expect(p.printArea, name).toBe(`A1:${lastCol[name]}${ws.rowCount}`);
      expect(p.margins, name).toMatchObject({ top: inch(20), bottom: inch(20), left: inch(30), right: inch(15) });
      // page numbers: none on page 1, then centred at the top in 14 pt
      expect(ws.headerFooter.differentFirst, name).toBe(true);
      expect(ws.headerFooter.firstHeader ?? '', name).toBe('');
      expect(ws.headerFooter.oddHeader, name).toBe('&C&"Times New Roman,Regular"&14&P');
      expect(ws.headerFooter.oddFooter ?? '', name).toBe('');
    }
  });

  it('opens each sheet with the report letterhead and says which report it accompanies', async () => {
    const wb = await load();
    for (const ws of wb.worksheets) {
      const right = ws.name === 'Tổng hợp theo lĩnh vực' ? 'D' : ws.name === 'Bảng tự đánh giá' ? 'D' : 'E';
      expect(ws.getCell(`${right}1`).value, ws.name).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(ws.getCell(`${right}1`).font).toMatchObject({ bold: true, size: 12 });
      expect(ws.getCell(`${right}2`).value).toBe('Độc lập - Tự do - Hạnh phúc');
      expect(ws.getCell(`${right}2`).font).toMatchObject({ bold: true, size: 13, underline: true });
      expect(ws.getCell(`${right}3`).value).toBe('Hồng Bàng, ngày 20 tháng 11 năm 2025');
      expect(ws.getCell(`${right}3`).font).toMatchObject({ italic: true });
      expect([ws.getCell('A1').value, ws.getCell('A2').value, ws.getCell('A3').value]).toEqual([
        'ỦY BAN NHÂN DÂN',
        'PHƯỜNG HỒNG BÀNG',
        'Số: 12/BC-UBND',
      ]);
      expect(ws.getCell('A2').font).toMatchObject({ bold: true, size: 13 });
      expect(ws.getCell('A6').value).toBe('(Kèm theo Báo cáo số 12/BC-UBND ngày 20/11/2025 của Ủy ban nhân dân phường Hồng Bàng)');
    }
  });
});
