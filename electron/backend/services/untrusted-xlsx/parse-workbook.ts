import type { XlsxSheet } from '../../workers-seam/xlsx-protocol';
import type { XlsxLimits } from './limits';
import { inspectZipDirectory } from './preflight';
import { checkDimension, readSheetRows } from './sheet-rows';
import type { SheetContext } from './sheet-rows';
import { readSharedStrings, readStyles, readWorkbook } from './workbook-parts';
import type { PartReader } from './workbook-parts';

/** How far parsing got, updated as it goes: rows read (all sheets) and bytes actually inflated. */
export type ParseProgress = { rows: number; inflated: number };

/**
 * Parses a workbook into plain rows — the worker's whole job (electron/workers/xlsx-worker.ts). Order:
 * central directory limits, then every sheet's <dimension>, then shared strings and styles, then the rows,
 * streamed. `check` runs every 256 rows (the worker checks its own memory there and may throw).
 */
export const parseWorkbook = async (bytes: Buffer, limits: XlsxLimits, progress: ParseProgress, check: () => void): Promise<XlsxSheet[]> => {
  const dir = await inspectZipDirectory(bytes, limits);
  try {
    const reader: PartReader = { ...dir, limits, budget: progress };
    const { sheets, date1904 } = await readWorkbook(reader);
    for (const s of sheets) await checkDimension(reader, dir.entries.get(s.path)!, s.name);
    const ctx: SheetContext = {
      ...reader,
      shared: await readSharedStrings(reader),
      styles: await readStyles(reader),
      date1904,
      counters: progress,
      cells: { count: 0 },
      onProgress: check,
    };
    const out: XlsxSheet[] = [];
    for (const s of sheets) out.push({ name: s.name, rows: await readSheetRows(ctx, dir.entries.get(s.path)!, s.name) });
    return out;
  } finally {
    dir.zip.close();
  }
};
