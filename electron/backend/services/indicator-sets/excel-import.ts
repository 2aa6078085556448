import type { IndicatorSet } from '../../../../shared/schemas/indicator-set';
import { validateIndicatorSet } from '../../../../shared/schemas/indicator-set-validate';
import { readUntrustedXlsx } from '../untrusted-xlsx/index';
import type { XlsxCell } from '../untrusted-xlsx/index';
import type { WorkerLauncher } from '../../workers-seam/launcher';
import type { SheetError } from './excel-cells';
import { boolCell, cellText, COLUMNS, META_FIELDS, numCell, SHEETS } from './excel-cells';

/**
 * Reads the indicator-set Excel template (./excel-template.ts writes it): sheet "Bộ chỉ số" (one field per
 * row), "Tiêu chí" (one row per node, the tree follows the codes), "Xếp loại", optionally "Kiểm tra chéo".
 * Errors point to sheet, row and column.
 */

export type XlsxImport = { ok: true; set: IndicatorSet } | { ok: false; errors: SheetError[] };

/**
 * Reads the template through services/untrusted-xlsx (limits, worker): a hostile or broken file is refused
 * there as AppFailure XLSX_*; a readable workbook with wrong content gives the cell-located errors here.
 */
export const importSetFromXlsx = async (data: Uint8Array, launcher?: WorkerLauncher): Promise<XlsxImport> =>
  setFromSheets((await readUntrustedXlsx(data, { maxFileBytes: MAX_SET_XLSX_BYTES }, launcher)).sheets);

/** The largest template read (the shipped sets export to about 30 KB). */
export const MAX_SET_XLSX_BYTES = 10 * 1_048_576;

type Sheet = { name: string; rows: XlsxCell[][] };
type Row = { getCell: (n: number) => { value: XlsxCell | undefined } };

/** Calls `fn` for each non-empty row with its sheet row number (1-based), like exceljs' eachRow did. */
const eachRow = (sheet: Sheet, fn: (row: Row, r: number) => void): void => {
  sheet.rows.forEach((cells, i) => {
    if (cells.some((c) => c !== null)) fn({ getCell: (n) => ({ value: cells[n - 1] }) }, i + 1);
  });
};

export const setFromSheets = (sheets: Sheet[]): XlsxImport => {
  const errors: SheetError[] = [];
  const find = (name: string) => sheets.find((s) => s.name === name);
  const need = (name: string) => {
    const ws = find(name);
    if (!ws) errors.push({ sheet: name, row: 0, column: '', message: `Thiếu trang tính "${name}"` });
    return ws;
  };
  const meta = need(SHEETS.meta);
  const sheet = need(SHEETS.nodes);
  const cls = need(SHEETS.classes);
  if (!meta || !sheet || !cls) return { ok: false, errors };

  // Sheet "Bộ chỉ số": key in A, value in B.
  const doc: Record<string, unknown> = {};
  const metaRows = new Map<string, number>();
  eachRow(meta, (row, r) => {
    if (r === 1) return;
    const key = cellText(row.getCell(1).value);
    const f = META_FIELDS.find((m) => m.key === key);
    if (!f) return;
    metaRows.set(f.key, r);
    const res = f.set(doc, row.getCell(2).value);
    if (res) errors.push({ sheet: SHEETS.meta, row: r, column: 'B', message: `${f.label}: ${res}` });
  });

  // Sheet "Tiêu chí": one row per node, parents before children.
  const byCode = new Map<string, Record<string, unknown>>();
  const rowOf = new Map<string, number>(); // node path key → row
  const roots: Record<string, unknown>[] = [];
  eachRow(sheet, (row, r) => {
    if (r === 1) return;
    const cell = (key: string) => row.getCell(COLUMNS.findIndex((c) => c.key === key) + 1).value;
    const err = (key: string, message: string) => {
      const col = COLUMNS.find((c) => c.key === key)!;
      errors.push({ sheet: SHEETS.nodes, row: r, column: col.letter, message: `${col.header}: ${message}` });
    };
    const code = cellText(cell('code'));
    if (code === '' && cellText(cell('title')) === '') return; // blank line
    const node: Record<string, unknown> = {
      id: cellText(cell('id')),
      code,
      title: cellText(cell('title')),
      guidance: cellText(cell('guidance')),
    };
    const max = numCell(cell('maxPoints'));
    if (max === null) err('maxPoints', 'phải là một số');
    else node.maxPoints = max;
    const kind = cellText(cell('kind'));
    if (kind) node.kind = kind;
    const methodType = cellText(cell('method'));
    const params = cellText(cell('params'));
    if (methodType) {
      let parsed: unknown = {};
      if (params) {
        try {
          parsed = JSON.parse(params);
        } catch {
          err('params', 'không phải JSON hợp lệ, ví dụ {"bands":[{"min":100,"points":4}]}');
        }
      }
      node.method = { ...(parsed && typeof parsed === 'object' ? parsed : {}), type: methodType };
    } else if (params) err('params', 'có tham số nhưng chưa chọn phương pháp');
    node.naPolicy = cellText(cell('naPolicy')) || 'NOT_ALLOWED';
    node.evidenceHints = cellText(cell('evidenceHints'))
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean);
    for (const key of ['evidenceRequired', 'explanationRequiredBelowMax'] as const) {
      const b = boolCell(cell(key));
      if (b === null) err(key, 'ghi "Có" hoặc "Không"');
      else node[key] = b;
    }
    node.continuesFrom = cellText(cell('continuesFrom')) || null;
    const parentCode = code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null;
    if (parentCode !== null) {
      const parent = byCode.get(parentCode);
      if (!parent) {
        err('code', `không có tiêu chí cha "${parentCode}" ở các dòng phía trên`);
        return;
      }
      const kids = (parent.children as Record<string, unknown>[] | undefined) ?? [];
      kids.push(node);
      parent.children = kids;
    } else roots.push(node);
    byCode.set(code, node);
    rowOf.set(code, r);
  });
  doc.nodes = roots;

  const classes: Record<string, unknown>[] = [];
  eachRow(cls, (row, r) => {
    if (r === 1) return;
    const id = cellText(row.getCell(1).value);
    if (!id) return;
    const minIndex = numCell(row.getCell(3).value);
    if (minIndex === null) errors.push({ sheet: SHEETS.classes, row: r, column: 'C', message: 'Chỉ số từ (%): phải là một số' });
    classes.push({ id, label: cellText(row.getCell(2).value), minIndex: minIndex ?? 0 });
  });
  doc.classification = classes;
  const cc = find(SHEETS.crossChecks);
  if (cc) {
    const checks: Record<string, unknown>[] = [];
    eachRow(cc, (row, r) => {
      if (r === 1) return;
      const id = cellText(row.getCell(1).value);
      if (!id) return;
      let rule: unknown = null;
      try {
        rule = JSON.parse(cellText(row.getCell(4).value));
      } catch {
        errors.push({ sheet: SHEETS.crossChecks, row: r, column: 'D', message: 'Quy tắc (JSON): không đọc được JSON' });
      }
      checks.push({ ...(rule && typeof rule === 'object' ? rule : {}), id, severity: cellText(row.getCell(2).value), message: cellText(row.getCell(3).value) });
    });
    if (checks.length) doc.crossChecks = checks;
  }
  if (errors.length) return { ok: false, errors };

  const v = validateIndicatorSet(doc);
  if (v.ok) return { ok: true, set: v.set };
  for (const e of v.errors) {
    if (e.code !== null && rowOf.has(e.code)) {
      const top = e.field.split('.')[0]!;
      const col = COLUMNS.find((c) => c.key === (top === 'method' ? (e.field === 'method.type' ? 'method' : 'params') : top));
      errors.push({ sheet: SHEETS.nodes, row: rowOf.get(e.code)!, column: col?.letter ?? '', message: e.message });
    } else if (e.path[0] === 'crossChecks' && typeof e.path[1] === 'number') {
      errors.push({ sheet: SHEETS.crossChecks, row: e.path[1] + 2, column: 'D', message: e.message });
    } else if (e.path[0] === 'classification' && typeof e.path[1] === 'number') {
      errors.push({ sheet: SHEETS.classes, row: e.path[1] + 2, column: 'C', message: e.message });
    } else {
      const key = e.path.slice(0, 2).join('.');
      const row = metaRows.get(key) ?? metaRows.get(String(e.path[0])) ?? 0;
      errors.push({ sheet: SHEETS.meta, row, column: 'B', message: e.message });
    }
  }
  return { ok: false, errors };
};

