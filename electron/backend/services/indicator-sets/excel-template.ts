import ExcelJS from 'exceljs';

import { walk } from '../../../../shared/domain/indicator-tree';
import type { IndicatorNode, IndicatorSet } from '../../../../shared/schemas/indicator-set';
import { COLUMNS, META_FIELDS, SHEETS } from './excel-cells';

/**
 * The Excel template a Sở Nội vụ officer fills to publish a set: sheet "Bộ chỉ số" (one field per row),
 * "Tiêu chí" (one row per node: the tree follows the codes 1 → 1.1 → 1.1.1), "Xếp loại", and "Kiểm tra chéo"
 * when the set has cross-checks (one per row, the rule as JSON). Method
 * parameters are one JSON object per cell (the method without its "type", which has its own column).
 * Import (./excel-import.ts) errors point to sheet, row and column. export → import gives the same normalised set, hence the
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

export { formatSheetError } from './excel-cells';

// Reading the template does not need exceljs (services/untrusted-xlsx parses it in a worker).
export { importSetFromXlsx } from './excel-import';
export type { XlsxImport } from './excel-import';

export type { IndicatorNode };
