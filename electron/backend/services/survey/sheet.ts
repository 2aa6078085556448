import type { WorkerLauncher } from '../../workers-seam/launcher';
import { cellText } from '../indicator-sets/excel-cells';
import { readUntrustedXlsx } from '../untrusted-xlsx/index';

/**
 * Reads the survey (XHH) results sheet Sở Nội vụ sends: an .xlsx or .csv file with a header row holding
 * "Mã" (criterion code such as 1.7, or the node id) and "Kết quả" (percent for survey nodes, the other
 * index's value for converted nodes), optionally "Ghi chú"/"Nguồn". The header may sit below a title block
 * (first 20 rows searched). Values stay TEXT here; a percent-formatted Excel cell arrives from the reader
 * (services/untrusted-xlsx) as the percent it displays ("85.5%" for 0,855), so the handler parses every
 * value exactly once, never via floats.
 */

export type SurveySheetRow = { row: number; code: string; value: string; note: string };
export type SurveySheetColumns = { code: string; value: string; note: string | null };
export type SurveySheet = { rows: SurveySheetRow[]; columns: SurveySheetColumns };

export class SurveySheetError extends Error {}

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const isCodeHeader = (h: string) => /^ma( so| tieu chi| chi so)?$/.test(fold(h));
const isValueHeader = (h: string) => /^ket qua( .*)?$/.test(fold(h));
const isNoteHeader = (h: string) => /^(ghi chu|nguon)( .*)?$/.test(fold(h));

const letter = (i: number): string => {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

type Grid = { cells: (r: number, c: number) => string; rowCount: number; colCount: number };

const HEADER_SEARCH_ROWS = 20;
export const MAX_SURVEY_ROWS = 2000;

const fromGrid = (g: Grid): SurveySheet => {
  for (let r = 1; r <= Math.min(g.rowCount, HEADER_SEARCH_ROWS); r++) {
    let code = -1;
    let value = -1;
    let note = -1;
    for (let c = 0; c < g.colCount; c++) {
      const h = g.cells(r, c);
      if (code < 0 && isCodeHeader(h)) code = c;
      else if (value < 0 && isValueHeader(h)) value = c;
      else if (note < 0 && isNoteHeader(h)) note = c;
    }
    if (code < 0 || value < 0) continue;
    const rows: SurveySheetRow[] = [];
    for (let rr = r + 1; rr <= g.rowCount; rr++) {
      const row = { row: rr, code: g.cells(rr, code).trim(), value: g.cells(rr, value).trim(), note: note >= 0 ? g.cells(rr, note).trim() : '' };
      if (!row.code && !row.value) continue; // blank line
      rows.push(row);
      if (rows.length > MAX_SURVEY_ROWS) throw new SurveySheetError(`Bảng có quá nhiều dòng (tối đa ${MAX_SURVEY_ROWS})`);
    }
    return { rows, columns: { code: letter(code), value: letter(value), note: note >= 0 ? letter(note) : null } };
  }
  throw new SurveySheetError('Không tìm thấy dòng tiêu đề có hai cột "Mã" và "Kết quả" (trong 20 dòng đầu)');
};

/**
 * The first sheet, read by services/untrusted-xlsx (zip limits, then a worker process): a hostile or broken
 * workbook is refused there (AppFailure XLSX_*) before anything is planned or written.
 */
export const readSurveyXlsx = async (data: Buffer, launcher?: WorkerLauncher): Promise<SurveySheet> => {
  const { sheets } = await readUntrustedXlsx(data, { maxFileBytes: MAX_SURVEY_XLSX_BYTES }, launcher);
  const rows = sheets[0]?.rows;
  if (!rows) throw new SurveySheetError('Bảng tính không có trang nào');
  return fromGrid({
    rowCount: rows.length,
    colCount: Math.min(Math.max(0, ...rows.map((r) => r.length)), 50),
    cells: (r, c) => cellText(rows[r - 1]?.[c] ?? null).normalize('NFC'),
  });
};

/** The largest results workbook read (one row per survey criterion: a few KB). */
const MAX_SURVEY_XLSX_BYTES = 5 * 1_048_576;

/** RFC 4180 CSV with the delimiter guessed from the header area (";" is what Vietnamese Excel writes). */
export const parseCsv = (text: string): string[][] => {
  const src = text.replace(/^\uFEFF/, '');
  const head = src.split(/\r?\n/, HEADER_SEARCH_ROWS).join('\n');
  const count = (ch: string) => head.split(ch).length - 1;
  const delim = [';', '\t', ','].reduce((best, ch) => (count(ch) > count(best) ? ch : best), ',');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delim) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
};

export const readSurveyCsv = (data: Buffer): SurveySheet => {
  const text = data.toString('utf8');
  if (text.includes('\u0000')) throw new SurveySheetError('Tệp CSV không hợp lệ (không phải văn bản UTF-8)');
  const rows = parseCsv(text.normalize('NFC'));
  return fromGrid({
    rowCount: rows.length,
    colCount: Math.min(Math.max(0, ...rows.slice(0, HEADER_SEARCH_ROWS).map((r) => r.length)), 50),
    cells: (r, c) => rows[r - 1]?.[c] ?? '',
  });
};

export const readSurveySheet = async (data: Buffer, fileName: string, launcher?: WorkerLauncher): Promise<SurveySheet> => {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return readSurveyXlsx(data, launcher);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readSurveyCsv(data);
  throw new SurveySheetError('Chỉ hỗ trợ tệp .xlsx hoặc .csv');
};
