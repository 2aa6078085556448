import type { Entry } from 'yauzl';

import type { XlsxCell } from '../../workers-seam/xlsx-protocol';
import { percentText, serialToIsoDay } from './cell-formats';
import type { CellKind } from './cell-formats';
import { XlsxRefusal } from './refusal';
import type { PartReader } from './workbook-parts';
import { StopReading, streamXml } from './xml-stream';

export type SheetContext = PartReader & {
  shared: string[];
  styles: CellKind[];
  date1904: boolean;
  /** Counts shared by all sheets, and a hook called every 256 rows (the worker checks its memory). */
  counters: { rows: number };
  cells: { count: number };
  onProgress: () => void;
};

/** "BC12" → column 55 (1-based) and row 12; null when not a cell reference. */
export const parseRef = (ref: string): { col: number; row: number } | null => {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col, row: Number(m[2]) };
};

/**
 * Reads only up to <sheetData>: the declared <dimension> (when present) is refused if it is beyond the row or
 * column limit, before a single row is parsed. Writers may omit or understate it, so the rows are counted
 * again while streaming.
 */
export const checkDimension = async (ctx: PartReader, entry: Entry, sheet: string): Promise<void> => {
  await streamXml(ctx.zip, entry, {
    open: (t) => {
      if (t.name === 'sheetData') throw new StopReading();
      if (t.name !== 'dimension') return;
      const last = parseRef((t.attrs.ref ?? '').split(':').at(-1) ?? '');
      if (!last) return;
      if (last.row > ctx.limits.maxRows) throw new XlsxRefusal('XLSX_TOO_MANY_ROWS', { sheet, max: ctx.limits.maxRows });
      if (last.col > ctx.limits.maxColumns) throw new XlsxRefusal('XLSX_TOO_MANY_COLUMNS', { sheet, max: ctx.limits.maxColumns });
      throw new StopReading();
    },
  }, ctx.limits, ctx.budget);
};

const numberCell = (v: string, kind: CellKind, date1904: boolean): XlsxCell => {
  const n = Number(v.trim());
  if (v.trim() === '' || !Number.isFinite(n)) throw new XlsxRefusal('XLSX_MALFORMED', { detail: `number "${v.slice(0, 40)}"` });
  if (kind === 'percent') return percentText(n);
  if (kind === 'date') return serialToIsoDay(n, date1904) ?? n;
  return n;
};

/**
 * Streams one sheet into rows: rows[i] is sheet row i + 1 and cell j is column j + 1 (gaps are null).
 * Stops at the first row or column beyond the limits, so a million-row sheet costs the first maxRows rows.
 */
export const readSheetRows = async (ctx: SheetContext, entry: Entry, sheet: string): Promise<XlsxCell[][]> => {
  const { limits } = ctx;
  const rows: XlsxCell[][] = [];
  let rowNo = 0;
  let row: XlsxCell[] | null = null;
  let lastCol = 0;
  let cell: { col: number; type: string; kind: CellKind; text: string[] } | null = null;
  let inValue = false;
  let inPhonetic = 0;
  await streamXml(ctx.zip, entry, {
    open: (t) => {
      if (t.name === 'row') {
        const r = t.attrs.r !== undefined ? Number(t.attrs.r) : rowNo + 1;
        if (!Number.isInteger(r) || r <= rowNo) throw new XlsxRefusal('XLSX_MALFORMED', { detail: `${sheet}: row ${t.attrs.r ?? ''}` });
        if (r > limits.maxRows) throw new XlsxRefusal('XLSX_TOO_MANY_ROWS', { sheet, max: limits.maxRows });
        rowNo = r;
        row = [];
        lastCol = 0;
        if (++ctx.counters.rows % 256 === 0) ctx.onProgress();
      } else if (t.name === 'c' && row) {
        const ref = t.attrs.r !== undefined ? parseRef(t.attrs.r) : { col: lastCol + 1, row: rowNo };
        if (!ref || ref.row !== rowNo || ref.col <= lastCol) throw new XlsxRefusal('XLSX_MALFORMED', { detail: `${sheet}: cell ${t.attrs.r ?? ''}` });
        if (ref.col > limits.maxColumns) throw new XlsxRefusal('XLSX_TOO_MANY_COLUMNS', { sheet, max: limits.maxColumns });
        lastCol = ref.col;
        const kind = ctx.styles[Number(t.attrs.s ?? 0)] ?? 'plain';
        cell = { col: ref.col, type: t.attrs.t ?? 'n', kind, text: [] };
      } else if (cell && (t.name === 'v' || (t.name === 't' && cell.type === 'inlineStr'))) inValue = true;
      else if (t.name === 'rPh') inPhonetic++;
    },
    close: (name) => {
      if (name === 'v' || name === 't') inValue = false;
      else if (name === 'rPh') inPhonetic--;
      else if (name === 'c' && cell && row) {
        const value = cellValue(ctx, cell.type, cell.kind, cell.text.join(''));
        if (value !== null) {
          if (++ctx.cells.count > limits.maxCells) throw new XlsxRefusal('XLSX_TOO_MANY_CELLS', { max: limits.maxCells });
          while (row.length < cell.col - 1) row.push(null);
          row.push(value);
        }
        cell = null;
      } else if (name === 'row' && row) {
        while (rows.length < rowNo - 1) rows.push([]);
        rows.push(row);
        row = null;
      }
    },
    text: (s) => {
      if (inValue && cell && inPhonetic === 0) cell.text.push(s);
    },
  }, limits, ctx.budget);
  return rows;
};

const cellValue = (ctx: SheetContext, type: string, kind: CellKind, text: string): XlsxCell => {
  switch (type) {
    case 's': {
      const s = ctx.shared[Number(text)];
      if (s === undefined) throw new XlsxRefusal('XLSX_MALFORMED', { detail: `shared string ${text.slice(0, 20)}` });
      return s;
    }
    case 'str':
    case 'inlineStr':
      return text.normalize('NFC');
    case 'b':
      return text.trim() === '1' || text.trim() === 'true';
    case 'e':
      return null;
    case 'd':
      return text.trim().slice(0, 10);
    default:
      return text === '' ? null : numberCell(text, kind, ctx.date1904);
  }
};
