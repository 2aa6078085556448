import ExcelJS from 'exceljs';

import { walk } from '../../../../shared/domain/indicator-tree';
import type { IndicatorNode, IndicatorSet } from '../../../../shared/schemas/indicator-set';
import { validateIndicatorSet } from '../../../../shared/schemas/indicator-set-validate';
import type { SheetError } from './excel-cells';
import { boolCell, cellText, COLUMNS, META_FIELDS, numCell, SHEETS } from './excel-cells';

/**
 * The Excel template a Sở Nội vụ officer fills to publish a set: sheet "Bộ chỉ số" (one field per row),
 * "Tiêu chí" (one row per node: the tree follows the codes 1 → 1.1 → 1.1.1), "Xếp loại", and "Kiểm tra chéo"
 * when the set has cross-checks (one per row, the rule as JSON). Method
 * parameters are one JSON object per cell (the method without its "type", which has its own column).
 * Import errors point to sheet, row and column. export → import gives the same normalised set, hence the
 * same canonical SHA-256.
 */

export const exportSetToXlsx = async (set: IndicatorSet): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CCHC Tự đánh giá';

  const meta = wb.addWorksheet(SHEETS.meta);
  meta.columns = [
    { header: 'Trường', key: 'key', width: 22 },
    { header: 'Giá trị', key: 'value', width: 70 },
    { header: 'Ý nghĩa', key: 'label', width: 60 },
  ];
  for (const f of META_FIELDS) meta.addRow({ key: f.key, value: f.get(set), label: f.label });

  const sheet = wb.addWorksheet(SHEETS.nodes, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  walk(set.nodes, ({ node }) => {
    const { method } = node;
    let params = '';
    if (method) {
      const { type: _t, ...rest } = method;
      params = Object.keys(rest).length ? JSON.stringify(rest) : '';
    }
    sheet.addRow({
      code: node.code,
      id: node.id,
      title: node.title,
      maxPoints: node.maxPoints,
      kind: node.kind ?? '',
      method: method?.type ?? '',
      params,
      naPolicy: node.naPolicy,
      evidenceHints: node.evidenceHints.join('\n'),
      evidenceRequired: node.evidenceRequired ? 'Có' : 'Không',
      explanationRequiredBelowMax: node.explanationRequiredBelowMax ? 'Có' : 'Không',
      continuesFrom: node.continuesFrom ?? '',
      guidance: node.guidance,
    });
  });
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn('code').numFmt = '@';

  const cls = wb.addWorksheet(SHEETS.classes);
  cls.columns = [
    { header: 'Mã', key: 'id', width: 16 },
    { header: 'Xếp loại', key: 'label', width: 24 },
    { header: 'Chỉ số từ (%)', key: 'minIndex', width: 16 },
  ];
  for (const c of set.classification) cls.addRow(c);
  // Optional sheet, only when the set has cross-checks (so sets without them keep their template as it was).
  if (set.crossChecks?.length) {
    const cc = wb.addWorksheet(SHEETS.crossChecks);
    cc.columns = [
      { header: 'Mã', key: 'id', width: 16 },
      { header: 'Mức (error/warning)', key: 'severity', width: 18 },
      { header: 'Nội dung', key: 'message', width: 60 },
      { header: 'Quy tắc (JSON)', key: 'rule', width: 80 },
    ];
    for (const { id, severity, message, ...rule } of set.crossChecks) cc.addRow({ id, severity, message, rule: JSON.stringify(rule) });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
};

export type XlsxImport = { ok: true; set: IndicatorSet } | { ok: false; errors: SheetError[] };

export const importSetFromXlsx = async (data: Buffer | ArrayBuffer): Promise<XlsxImport> => {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as ArrayBuffer);
  } catch {
    return { ok: false, errors: [{ sheet: '', row: 0, column: '', message: 'Tệp không phải bảng tính Excel (.xlsx) hợp lệ' }] };
  }
  const errors: SheetError[] = [];
  const need = (name: string) => {
    const ws = wb.getWorksheet(name);
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
  meta.eachRow((row, r) => {
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
  sheet.eachRow((row, r) => {
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
  cls.eachRow((row, r) => {
    if (r === 1) return;
    const id = cellText(row.getCell(1).value);
    if (!id) return;
    const minIndex = numCell(row.getCell(3).value);
    if (minIndex === null) errors.push({ sheet: SHEETS.classes, row: r, column: 'C', message: 'Chỉ số từ (%): phải là một số' });
    classes.push({ id, label: cellText(row.getCell(2).value), minIndex: minIndex ?? 0 });
  });
  doc.classification = classes;
  const cc = wb.getWorksheet(SHEETS.crossChecks);
  if (cc) {
    const checks: Record<string, unknown>[] = [];
    cc.eachRow((row, r) => {
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

/** "Tiêu chí, dòng 12, cột G: …" */
export const formatSheetError = (e: SheetError): string =>
  e.row > 0 ? `Trang "${e.sheet}", dòng ${e.row}${e.column ? `, cột ${e.column}` : ''}: ${e.message}` : e.message;

export type { IndicatorNode };
