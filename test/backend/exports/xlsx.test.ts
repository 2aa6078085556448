import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { flattenNodes, nodeScoreMilli } from '../../../shared/domain/report/format';
import { buildWorkbook } from '../../../electron/backend/services/report/xlsx/workbook';
import { makeSampleModel } from './fixture-model';
import { parseCsv, shownToMilli, xlsxToCsv } from './tools';

const model = makeSampleModel(30);

describe('buildWorkbook', () => {
  it('LibreOffice recomputes the formulas (no cached values) to the app totals; titles survive byte-exact', async () => {
    const rows = parseCsv(xlsxToCsv(await buildWorkbook(model, { cachedResults: false })));
    const byCode = new Map(rows.map((r) => [r[0] ?? '', r]));
    expect(rows[0]?.[0]).toBe('ỦY BAN NHÂN DÂN');
    expect(rows[1]?.[0]).toBe('PHƯỜNG HỒNG BÀNG');
    expect(rows[2]?.[0]).toBe('Số: 12/BC-UBND');
    expect(rows[8]?.[5]).toBe('Điểm tự đánh giá');
    for (const n of flattenNodes(model.domains)) {
      const r = byCode.get(n.code);
      expect(r, n.code).toBeDefined();
      expect(Buffer.from(r![1]!, 'utf8').equals(Buffer.from(n.title.normalize('NFC'), 'utf8'))).toBe(true);
      expect(shownToMilli(r![2]!)).toBe(n.maxMilli);
      if (n.children.length > 0) expect(shownToMilli(r![5]!), n.code).toBe(nodeScoreMilli(n));
      if (n.status === 'na') expect(r![8]).toContain('Không áp dụng');
    }
    const total = byCode.get('TỔNG CỘNG')!;
    expect(shownToMilli(total[2]!)).toBe(model.totals.maxMilli);
    expect(shownToMilli(total[5]!)).toBe(model.totals.scoreMilli);
  }, 120_000);

  it('writes formulas with cached results, merges, print setup and the summary/evidence sheets', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildWorkbook(model)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Bảng tự đánh giá', 'Tổng hợp theo lĩnh vực', 'Tài liệu kiểm chứng']);
    const table = wb.getWorksheet('Bảng tự đánh giá')!;
    expect(table.pageSetup.orientation).toBe('landscape');
    expect(table.pageSetup.paperSize).toBe(9);
    expect(table.pageSetup.fitToWidth).toBe(1);
    expect(table.pageSetup.printTitlesRow).toBe('9:9');
    const domainRow = table.getRow(10);
    expect(domainRow.getCell(1).value).toBe('1');
    expect(domainRow.getCell(2).font?.bold).toBe(true);
    const f = domainRow.getCell(6).value as ExcelJS.CellFormulaValue;
    expect(f.formula).toMatch(/^SUM\(/);
    expect(f.result).toBe(model.summaries[0]!.scoreMilli / 1000);
    expect(table.getCell('D10').isMerged).toBe(true);
    expect(table.getCell('F10').numFmt).toBe('#,##0.00#');

    const summary = wb.getWorksheet('Tổng hợp theo lĩnh vực')!;
    const idx = summary.getRow(10).getCell(7).value as ExcelJS.CellFormulaValue;
    expect(idx.formula).toBe('IF(E10>0,F10/E10,0)');
    expect(summary.getRow(10).getCell(7).numFmt).toBe('0.00%');

    const ev = wb.getWorksheet('Tài liệu kiểm chứng')!;
    expect(ev.rowCount).toBe(9 + model.evidence.length);
    const first = ev.getRow(10);
    expect(first.getCell(9).value).toBe(model.evidence[0]!.sha256);
    expect(first.getCell(4).value).toEqual(new Date(Date.UTC(2025, 0, 1)));
    expect(first.getCell(4).numFmt).toContain('dd/mm/yyyy');
    expect(first.getCell(10).value).toBe('1.1');
  });

  it('NFC-normalises NFD input', async () => {
    const nfd = makeSampleModel(1);
    nfd.document.issuingBody = 'Ủy ban nhân dân phường Hồng Bàng'.normalize('NFD');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildWorkbook(nfd)) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell('A2').value).toBe('PHƯỜNG HỒNG BÀNG'.normalize('NFC'));
  });
});
