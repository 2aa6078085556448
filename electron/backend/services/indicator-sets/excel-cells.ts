import type { IndicatorSet } from '../../../../shared/schemas/indicator-set';
import type { XlsxCell } from '../untrusted-xlsx/index';

/** Layout of the indicator-set Excel template and tolerant cell readers (officers type "2,5", "Có", dates…). */

export type SheetError = { sheet: string; row: number; column: string; message: string };

/** "Tiêu chí, dòng 12, cột G: …" */
export const formatSheetError = (e: SheetError): string =>
  e.row > 0 ? `Trang "${e.sheet}", dòng ${e.row}${e.column ? `, cột ${e.column}` : ''}: ${e.message}` : e.message;

export const SHEETS = { meta: 'Bộ chỉ số', nodes: 'Tiêu chí', classes: 'Xếp loại', crossChecks: 'Kiểm tra chéo' } as const;

type Column = { key: string; header: string; width: number; letter: string };
const cols: Omit<Column, 'letter'>[] = [
  { key: 'code', header: 'Mã', width: 8 },
  { key: 'id', header: 'Mã định danh', width: 14 },
  { key: 'title', header: 'Tên lĩnh vực / tiêu chí / tiêu chí thành phần', width: 60 },
  { key: 'maxPoints', header: 'Điểm tối đa', width: 10 },
  { key: 'kind', header: 'Loại (SELF/SURVEY/BONUS/PENALTY)', width: 12 },
  { key: 'method', header: 'Phương pháp', width: 14 },
  { key: 'params', header: 'Tham số (JSON)', width: 60 },
  { key: 'naPolicy', header: 'Không áp dụng (NOT_ALLOWED/RESCALE/FULL_MARKS)', width: 16 },
  { key: 'evidenceHints', header: 'Tài liệu kiểm chứng gợi ý (mỗi dòng một loại)', width: 40 },
  { key: 'evidenceRequired', header: 'Bắt buộc TLKC', width: 10 },
  { key: 'explanationRequiredBelowMax', header: 'Giải trình khi dưới điểm tối đa', width: 12 },
  { key: 'continuesFrom', header: 'Kế thừa tiêu chí năm trước (mã định danh)', width: 16 },
  { key: 'guidance', header: 'Hướng dẫn chấm', width: 50 },
];
export const COLUMNS: Column[] = cols.map((c, i) => ({ ...c, letter: String.fromCharCode(65 + i) }));

/**
 * Cell → text, NFC. The reader (services/untrusted-xlsx) already joined rich text, took formulas by their
 * result and wrote dates as yyyy-mm-dd.
 */
export const cellText = (v: XlsxCell | undefined): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.normalize('NFC');
  if (typeof v === 'number') return String(v);
  return v ? 'Có' : 'Không';
};

/** Number from a number cell or from text "2,5" / "2.5"; null when empty or not a number. */
export const numCell = (v: XlsxCell | undefined): number | null => {
  if (typeof v === 'number') return v;
  const t = cellText(v).trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
};

/** "Có"/"Không" (also x, yes/no, true/false, 1/0); null when unreadable. */
export const boolCell = (v: XlsxCell | undefined): boolean | null => {
  if (typeof v === 'boolean') return v;
  const t = cellText(v).trim().toLowerCase();
  if (['có', 'co', 'x', 'yes', 'true', '1'].includes(t)) return true;
  if (['không', 'khong', '', 'no', 'false', '0'].includes(t)) return false;
  return null;
};

type MetaField = {
  key: string;
  label: string;
  get: (s: IndicatorSet) => string | number;
  /** Writes the parsed value into the document; returns an error message or null. */
  set: (doc: Record<string, unknown>, v: XlsxCell | undefined) => string | null;
};

const text = (key: string, label: string, nullable = false): MetaField => ({
  key,
  label,
  get: (s) => (readPath(s, key) as string | null) ?? '',
  set: (doc, v) => {
    const t = cellText(v).trim();
    writePath(doc, key, nullable && t === '' ? null : t);
    return null;
  },
});
const num = (key: string, label: string): MetaField => ({
  key,
  label,
  get: (s) => readPath(s, key) as number,
  set: (doc, v) => {
    const n = numCell(v);
    if (n === null) return 'phải là một số';
    writePath(doc, key, n);
    return null;
  },
});

const readPath = (o: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((cur, k) => (cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined), o);
const writePath = (o: Record<string, unknown>, path: string, v: unknown): void => {
  const keys = path.split('.');
  let cur = o;
  for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Record<string, unknown>;
  cur[keys.at(-1)!] = v;
};

export const META_FIELDS: MetaField[] = [
  text('id', 'Mã bộ chỉ số (chữ không dấu, số, gạch)'),
  text('name', 'Tên bộ chỉ số'),
  num('year', 'Năm đánh giá'),
  text('version', 'Phiên bản'),
  {
    key: 'unitTypes',
    label: 'Loại đơn vị áp dụng: SO, PHUONG, XA_DAC_KHU (cách nhau bởi dấu phẩy)',
    get: (s) => s.unitTypes.join(', '),
    set: (doc, v) => {
      doc.unitTypes = cellText(v).split(',').map((s) => s.trim()).filter(Boolean);
      return null;
    },
  },
  {
    key: 'isSample',
    label: 'Bộ chỉ số mẫu (Có/Không)',
    get: (s) => (s.isSample ? 'Có' : 'Không'),
    set: (doc, v) => {
      const b = boolCell(v);
      if (b === null) return 'ghi "Có" hoặc "Không"';
      doc.isSample = b;
      return null;
    },
  },
  text('sampleNotice', 'Ghi chú bộ mẫu'),
  text('sourceDecision.number', 'Số/ký hiệu quyết định ban hành'),
  text('sourceDecision.date', 'Ngày ban hành (yyyy-mm-dd)', true),
  text('sourceDecision.issuer', 'Cơ quan ban hành'),
  text('previousSetId', 'Mã bộ chỉ số năm trước (để kế thừa)', true),
  num('maxTotal', 'Tổng điểm tối đa (tự đánh giá + điều tra)'),
  num('bonusCap', 'Trần điểm thưởng'),
  num('penaltyCap', 'Trần điểm trừ'),
];
