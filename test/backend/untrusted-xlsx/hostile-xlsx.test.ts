import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { DEFAULT_XLSX_LIMITS, readUntrustedXlsx, readUntrustedXlsxMeasured } from '../../../electron/backend/services/untrusted-xlsx/index';
import type { WorkerLauncher } from '../../../electron/backend/workers-seam/launcher';
import { launchWorker } from '../../../electron/workers/launch';
import { writeRawZip } from '../bundle/raw-zip';
import { SHEET_OPEN, manyRowsXml, repeatedDeflate, workbookOfSheetXml, workbookWith } from './crafted';

/**
 * Hostile workbooks against services/untrusted-xlsx: each refused with its own reason, the bombs and the
 * million-row sheet stopped early, and the worker's own peak memory (process.resourceUsage().maxRSS,
 * reported by the worker) held under 300 MB. Wall-clock time is printed, not asserted; what is asserted is
 * how far the worker got (rows seen, bytes inflated), which is what makes it fast.
 */

const MiB = 1_048_576;
const PEAK_RSS_BUDGET_KB = 300 * 1024;

const reasonOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    return (e as { reason?: string }).reason ?? String(e);
  }
};

/** Counts the workers started, so a refusal "before parsing" is proven to start none. */
const countingLauncher = () => {
  const started: string[] = [];
  const launcher: WorkerLauncher = (name, env, options) => {
    started.push(name);
    return launchWorker(name, env, options);
  };
  return { launcher, started };
};

/** Runs the reader and prints how long it took and what the worker measured (for the record, not asserted). */
const timed = async (label: string, run: () => ReturnType<typeof readUntrustedXlsxMeasured>): ReturnType<typeof readUntrustedXlsxMeasured> => {
  const t0 = performance.now();
  const out = await run();
  console.log(`${label}: ${Math.round(performance.now() - t0)} ms, worker ${JSON.stringify(out.stats)}`);
  return out;
};

describe('untrusted xlsx: decompression bombs', () => {
  // 2 GiB of spaces inside <sheetData>, deflated to ~2 MB.
  let body: Buffer;
  beforeAll(() => {
    body = repeatedDeflate(`${SHEET_OPEN}<sheetData>`, Buffer.alloc(MiB, 0x20), 2048, '</sheetData></worksheet>');
  });

  it('a 2 MB file declaring 2 GiB is refused from the central directory alone (XLSX_RATIO), no worker started', async () => {
    const file = workbookWith({ data: Buffer.alloc(0), body, method: 8, usize: 2048 * MiB, crc: 0 });
    expect(file.length).toBeLessThan(2.5 * MiB);
    const { launcher, started } = countingLauncher();
    const out = await timed('honest bomb', () => readUntrustedXlsxMeasured(file, {}, launcher));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.refusal.reason).toBe('XLSX_RATIO');
    expect(out.refusal.params).toEqual({ entry: 'xl/worksheets/sheet1.xml', ratio: Math.round((2048 * MiB) / body.length), max: 100 });
    expect(started).toEqual([]);
    expect(await reasonOf(readUntrustedXlsx(file, {}, launcher))).toBe('XLSX_RATIO');
  });

  it('the same stream under a directory that lies (90 MB declared) is stopped in the worker after a few MB, peak RSS < 300 MB', async () => {
    const file = workbookWith({ data: Buffer.alloc(0), body, method: 8, usize: 90 * MiB, crc: 0 });
    const { launcher, started } = countingLauncher();
    const out = await timed('lying bomb', () => readUntrustedXlsxMeasured(file, {}, launcher));
    expect(started).toEqual(['xlsx-worker']);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    // Spaces without markup: the parser would hold them as one text node; refused past 4 MiB.
    expect(out.refusal.reason).toBe('XLSX_MALFORMED');
    expect(out.refusal.params.detail).toBe('xl/worksheets/sheet1.xml: text without markup beyond 4194304 bytes');
    expect(out.stats).not.toBeNull();
    // ~4 MiB of the 2 GiB were inflated (the check runs per inflated chunk of at most 64 KiB).
    expect(out.stats!.bytesInflated).toBeGreaterThan(4 * MiB);
    expect(out.stats!.bytesInflated).toBeLessThan(5 * MiB);
    expect(out.stats!.maxRssKb).toBeGreaterThan(0);
    expect(out.stats!.maxRssKb).toBeLessThan(PEAK_RSS_BUDGET_KB);
  });

  it('an entry that inflates past its declared size is refused (yauzl counts what comes out)', async () => {
    const rows = Buffer.from(manyRowsXml(2000, false), 'utf8');
    const file = workbookWith({ data: rows, method: 8, usize: 1000 });
    expect(await reasonOf(readUntrustedXlsx(file, {}, launchWorker))).toBe('XLSX_MALFORMED');
  });

  it('refuses by total unpacked size, entry count and file size before starting a worker', async () => {
    const { launcher, started } = countingLauncher();
    // 11 parts declaring 10 MiB each from 200 KiB (ratio 51, allowed): 110 MiB > 100 MiB.
    const big = Array.from({ length: 11 }, (_, i) => ({ name: `xl/media/p${i}.bin`, data: Buffer.alloc(0), body: Buffer.alloc(200 * 1024), usize: 10 * MiB, method: 8, crc: 0 }));
    expect(await reasonOf(readUntrustedXlsx(writeRawZip(big), {}, launcher))).toBe('XLSX_UNPACKED_TOO_LARGE');
    const many = Array.from({ length: 501 }, (_, i) => ({ name: `p${i}.xml`, data: Buffer.from('<a/>') }));
    expect(await reasonOf(readUntrustedXlsx(writeRawZip(many), {}, launcher))).toBe('XLSX_TOO_MANY_ENTRIES');
    expect(await reasonOf(readUntrustedXlsx(Buffer.alloc(DEFAULT_XLSX_LIMITS.maxFileBytes + 1), {}, launcher))).toBe('XLSX_TOO_LARGE');
    expect(await reasonOf(readUntrustedXlsx(Buffer.from('not a zip'), {}, launcher))).toBe('XLSX_MALFORMED');
    expect(started).toEqual([]);
  });
});

describe('untrusted xlsx: a million rows', () => {
  let plain: Buffer;
  let declared: Buffer;
  beforeAll(() => {
    plain = workbookOfSheetXml(manyRowsXml(1_000_000, false));
    declared = workbookOfSheetXml(manyRowsXml(1_000_000, true));
  }, 60_000);

  it('without <dimension>: streamed, stopped at row 50,001 (XLSX_TOO_MANY_ROWS), peak RSS < 300 MB', async () => {
    const out = await timed('1M rows, streamed', () => readUntrustedXlsxMeasured(plain, {}, launchWorker));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.refusal.reason).toBe('XLSX_TOO_MANY_ROWS');
    expect(out.refusal.params).toEqual({ sheet: 'Dữ liệu', max: 50_000 });
    // The worker read the 50,000 allowed rows and stopped at the next one: ~1.5 MB of the 31 MB inflated.
    expect(out.stats!.rowsSeen).toBe(50_000);
    expect(out.stats!.bytesInflated).toBeLessThan(4 * MiB);
    expect(out.stats!.maxRssKb).toBeLessThan(PEAK_RSS_BUDGET_KB);
  });

  it('with <dimension ref="A1:A1000000">: refused before a single row is parsed', async () => {
    const out = await timed('1M rows, dimension', () => readUntrustedXlsxMeasured(declared, {}, launchWorker));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.refusal.reason).toBe('XLSX_TOO_MANY_ROWS');
    expect(out.stats!.rowsSeen).toBe(0);
    expect(out.stats!.maxRssKb).toBeLessThan(PEAK_RSS_BUDGET_KB);
  });

  it('the same sheet passes when the caller allows its size (the limit, not the file, made the refusal)', async () => {
    const small = workbookOfSheetXml(manyRowsXml(3000, true));
    expect(await reasonOf(readUntrustedXlsx(small, { maxRows: 2999 }, launchWorker))).toBe('XLSX_TOO_MANY_ROWS');
    const { sheets } = await readUntrustedXlsx(small, { maxRows: 3000 }, launchWorker);
    expect(sheets[0]!.rows.length).toBe(3000);
    expect(sheets[0]!.rows[2999]).toEqual([3000]);
  });
});

describe('untrusted xlsx: other hostile parts', () => {
  it('a cell beyond the column limit, a DOCTYPE, a row out of order, a missing shared string', async () => {
    const sheet = (inner: string) => workbookOfSheetXml(`${SHEET_OPEN}<sheetData>${inner}</sheetData></worksheet>`);
    expect(await reasonOf(readUntrustedXlsx(sheet('<row r="1"><c r="XFD1"><v>1</v></c></row>'), {}, launchWorker))).toBe('XLSX_TOO_MANY_COLUMNS');
    expect(await reasonOf(readUntrustedXlsx(sheet('<row r="2"><c><v>1</v></c></row><row r="1"><c><v>1</v></c></row>'), {}, launchWorker))).toBe('XLSX_MALFORMED');
    expect(await reasonOf(readUntrustedXlsx(sheet('<row r="1"><c t="s"><v>7</v></c></row>'), {}, launchWorker))).toBe('XLSX_MALFORMED');
    const doctype = workbookOfSheetXml('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]><worksheet><sheetData/></worksheet>');
    expect(await reasonOf(readUntrustedXlsx(doctype, {}, launchWorker))).toBe('XLSX_MALFORMED');
  });
});

describe('untrusted xlsx: what a real workbook reads as', () => {
  it('text, numbers, booleans, dates, percentages, rich text, formulas; rows and columns by position', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Kết quả');
    ws.getCell('A1').value = 'Mã';
    ws.getCell('B1').value = 'Kết quả';
    ws.getCell('A2').value = '1.7';
    ws.getCell('B2').value = 0.855;
    ws.getCell('B2').numFmt = '0.0%';
    ws.getCell('D2').value = true;
    ws.getCell('A4').value = new Date(Date.UTC(2025, 2, 31));
    ws.getCell('B4').value = { richText: [{ text: 'Công tác ' }, { text: 'CCHC', font: { bold: true } }] };
    ws.getCell('C4').value = { formula: 'B2*2', result: 1.71 };
    ws.getCell('D4').value = 12.5;
    wb.addWorksheet('Trống');
    const { sheets } = await readUntrustedXlsx(Buffer.from(await wb.xlsx.writeBuffer()), {}, launchWorker);
    expect(sheets).toEqual([
      {
        name: 'Kết quả',
        rows: [
          ['Mã', 'Kết quả'],
          ['1.7', '85.5%', null, true],
          [],
          ['2025-03-31', 'Công tác CCHC', 1.71, 12.5],
        ],
      },
      { name: 'Trống', rows: [] },
    ]);
  });
});

vi.setConfig({ testTimeout: 60_000 });
