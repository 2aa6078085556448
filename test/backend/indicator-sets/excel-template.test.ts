import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { canonicalJson } from '../../../shared/domain/canonical-json';
import { indicatorSetSha256 } from '../../../electron/backend/services/indicator-sets/catalog';
import { exportSetToXlsx, formatSheetError, importSetFromXlsx } from '../../../electron/backend/services/indicator-sets/excel-template';
import { carryForward } from '../../../electron/backend/services/indicator-sets/carry-forward';
import { launchWorker } from '../../../electron/workers/launch';
import { loadSampleSet } from '../../unit/scoring/fixtures';

const edit = async (buf: Buffer, fn: (wb: ExcelJS.Workbook) => void): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  fn(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

describe('Excel template', () => {
  it.each(['hp-2025-so', 'hp-2025-xa-phuong'] as const)('%s: export → import keeps the canonical hash', async (id) => {
    const set = loadSampleSet(id);
    const back = await importSetFromXlsx(await exportSetToXlsx(set), launchWorker);
    if (!back.ok) throw new Error(back.errors.map(formatSheetError).join('\n'));
    expect(canonicalJson(back.set)).toBe(canonicalJson(set));
    expect(indicatorSetSha256(back.set)).toBe(indicatorSetSha256(set));
  });

  it('accepts what an officer types: "2,5", "có", rich text', async () => {
    const set = loadSampleSet('hp-2025-so');
    const buf = await edit(await exportSetToXlsx(set), (wb) => {
      const ws = wb.getWorksheet('Tiêu chí')!;
      ws.getCell('D2').value = '12,0';
      ws.getCell('J4').value = 'có';
      ws.getCell('C2').value = { richText: [{ text: 'Công tác chỉ đạo, ' }, { text: 'điều hành CCHC', font: { bold: true } }] };
    });
    const back = await importSetFromXlsx(buf, launchWorker);
    expect(back.ok).toBe(true);
    if (back.ok) expect(indicatorSetSha256(back.set)).toBe(indicatorSetSha256(set));
  });

  it('errors point to the sheet, row and column', async () => {
    const set = loadSampleSet('hp-2025-so');
    const buf = await edit(await exportSetToXlsx(set), (wb) => {
      const ws = wb.getWorksheet('Tiêu chí')!;
      // Row 2 is domain 1, rows 3.. its children: find 3.3 and break it.
      let r33 = 0;
      ws.eachRow((row, r) => {
        if (row.getCell(1).value === '3.3') r33 = r;
      });
      ws.getCell(`D${r33}`).value = 'bốn';
      ws.getCell(`G${r33 + 1}`).value = '{"targetPct": 50,';
      ws.getCell(`H${r33 + 2}`).value = 'ĐÔI KHI';
    });
    const back = await importSetFromXlsx(buf, launchWorker);
    expect(back.ok).toBe(false);
    if (back.ok) return;
    const lines = back.errors.map(formatSheetError);
    expect(lines.some((l) => /^Trang "Tiêu chí", dòng \d+, cột D: Điểm tối đa: phải là một số$/.test(l))).toBe(true);
    expect(lines.some((l) => /^Trang "Tiêu chí", dòng \d+, cột G: Tham số \(JSON\): không phải JSON hợp lệ/.test(l))).toBe(true);
  });

  it('schema errors after assembly are mapped back to the node row', async () => {
    const set = loadSampleSet('hp-2025-so');
    const buf = await edit(await exportSetToXlsx(set), (wb) => {
      const ws = wb.getWorksheet('Tiêu chí')!;
      ws.eachRow((row) => {
        if (row.getCell(1).value === '3.5') row.getCell(8).value = 'ĐÔI KHI';
      });
    });
    const back = await importSetFromXlsx(buf, launchWorker);
    expect(back.ok).toBe(false);
    if (!back.ok) {
      const e = back.errors.find((x) => x.message.includes('naPolicy'))!;
      expect(e.sheet).toBe('Tiêu chí');
      expect(e.column).toBe('H');
      expect(e.message).toMatch(/^Tiêu chí 3\.5 — naPolicy: giá trị không hợp lệ/);
    }
  });

  it('refuses a file that is not a workbook (XLSX_MALFORMED from services/untrusted-xlsx)', async () => {
    await expect(importSetFromXlsx(Buffer.from('not a zip'), launchWorker)).rejects.toMatchObject({ code: 'BAD_FILE', reason: 'XLSX_MALFORMED' });
  });
});

describe('year-to-year carry forward', () => {
  it('maps answers through continuesFrom, keeping inputs only when the method is unchanged', () => {
    const prev = loadSampleSet('hp-2025-so');
    const next = structuredClone(prev);
    next.id = 'hp-2026-so';
    next.previousSetId = prev.id;
    next.nodes[2]!.children![2]!.continuesFrom = 'so25-3.3'; // same method
    next.nodes[2]!.children![2]!.id = 'so26-3.3';
    next.nodes[3]!.children![1]!.continuesFrom = 'so25-4.2';
    next.nodes[3]!.children![1]!.method = { type: 'MANUAL', step: 0.25 }; // method changed
    next.nodes[3]!.children![3]!.continuesFrom = 'so25-nope';
    const r = carryForward(prev, next, [
      { nodeId: 'so25-3.3', inputs: { numerator: 3, denominator: 900 }, notApplicable: null, explanation: 'Trễ 3 hồ sơ' },
      { nodeId: 'so25-4.2', inputs: { met: true }, notApplicable: null, explanation: 'QĐ 12/QĐ-STP' },
    ]);
    expect(r.answers).toEqual([
      { nodeId: 'so26-3.3', inputs: { numerator: 3, denominator: 900 }, notApplicable: null, explanation: 'Trễ 3 hồ sơ' },
      { nodeId: 'so25-4.2', inputs: {}, notApplicable: null, explanation: 'QĐ 12/QĐ-STP' },
    ]);
    expect(r.nodeMap).toEqual([
      { from: 'so25-3.3', to: 'so26-3.3' },
      { from: 'so25-4.2', to: 'so25-4.2' },
    ]);
    expect(r.unknownSources).toEqual(['so25-4.4']);
  });
});
