import { blockName } from '../../../../shared/domain/blocks';
import { displayTextIssue } from '../../../../shared/domain/display-text';
import type { TemplateProblem } from '../../../../shared/ipc/channels/registry';
import { UNIT_CODE_RE } from '../../../../shared/schemas/unit';
import type { UnitType } from '../../../../shared/schemas/unit';

/**
 * The register's Excel template as plain rows, both ways: `parseTemplate` reads sheets of cells (whatever read
 * the file: services/registry/read-xlsx.ts today) into units and signers plus every problem found, and
 * `templateSheets` lays out a year's register for export. Pure: no file, no database.
 *
 * Sheet "Đơn vị": Mã đơn vị | Tên đơn vị | Khối (SO, PHUONG, XA_DAC_KHU or "Sở, ban, ngành", "Phường", "Xã, đặc khu").
 * Sheet "Người ký" (optional): Mã đơn vị | Vân tay SHA-256 | Chủ thể | Tổ chức cấp | Số hiệu | Hiệu lực từ | Hiệu lực đến.
 */

export type Cell = string | number | boolean | null;
export type Sheet = { name: string; rows: Cell[][] };

export type TemplateUnit = { code: string; name: string; block: UnitType };
export type TemplateSigner = {
  unitCode: string;
  sha256: string;
  subject: string;
  issuer: string;
  serial: string;
  notBefore: string;
  notAfter: string;
};
export type ParsedTemplate = { units: TemplateUnit[]; signers: TemplateSigner[]; problems: TemplateProblem[] };

export const UNIT_SHEET = 'Đơn vị';
export const SIGNER_SHEET = 'Người ký';
export const UNIT_HEADERS = ['Mã đơn vị', 'Tên đơn vị', 'Khối'] as const;
export const SIGNER_HEADERS = ['Mã đơn vị', 'Vân tay SHA-256', 'Chủ thể', 'Tổ chức cấp', 'Số hiệu', 'Hiệu lực từ', 'Hiệu lực đến'] as const;
export const MAX_TEMPLATE_UNITS = 2000;
export const MAX_TEMPLATE_SIGNERS = 10_000;
const HEADER_SEARCH_ROWS = 10;


const fold = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/[\s,]+/g, ' ').trim();

const text = (c: Cell | undefined): string => (c === null || c === undefined ? '' : String(c).normalize('NFC').trim());
const letter = (i: number): string => String.fromCharCode(65 + i);

const blockOf = (s: string): UnitType | null => {
  const f = fold(s);
  if (f === 'so' || f === fold(blockName('SO')) || f === 'so ban nganh') return 'SO';
  if (f === 'phuong') return 'PHUONG';
  if (f === 'xa_dac_khu' || f === fold(blockName('XA_DAC_KHU')) || f === 'xa' || f === 'dac khu') return 'XA_DAC_KHU';
  return null;
};

/** A certificate fingerprint as people copy it (upper case, colons, spaces) → 64 lower-case hex digits, or null. */
export const normalizeFingerprint = (s: string): string | null => {
  const hex = s.replace(/[\s:]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
};

/** yyyy-mm-dd, dd/mm/yyyy or an ISO date-time → ISO date-time (UTC), or null. */
export const parseDay = (s: string): string | null => {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return back.toISOString();
};

/** The header row (first 10 rows searched) and the column of each header, or null. */
const findHeader = (rows: Cell[][], headers: readonly string[]): { row: number; cols: number[] } | null => {
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    const folded = (rows[r] ?? []).map((c) => fold(text(c)));
    const cols = headers.map((h) => folded.indexOf(fold(h)));
    if (cols.every((c) => c >= 0)) return { row: r, cols };
  }
  return null;
};

const isBlank = (row: Cell[] | undefined): boolean => !row || row.every((c) => text(c) === '');

export const parseTemplate = (sheets: readonly Sheet[]): ParsedTemplate => {
  const problems: TemplateProblem[] = [];
  const units: TemplateUnit[] = [];
  const signers: TemplateSigner[] = [];
  const sheetByName = (name: string) => sheets.find((s) => fold(s.name) === fold(name));
  const add = (sheet: string, row: number, col: number, problem: TemplateProblem['problem']) =>
    problems.push({ sheet, row, column: col < 0 ? '' : letter(col), problem });

  const us = sheetByName(UNIT_SHEET);
  if (!us) {
    add(UNIT_SHEET, 0, -1, 'SHEET_MISSING');
    return { units, signers, problems };
  }
  const uh = findHeader(us.rows, UNIT_HEADERS);
  if (!uh) add(UNIT_SHEET, 0, -1, 'HEADER_MISSING');
  else {
    const body = us.rows.slice(uh.row + 1);
    if (body.length > MAX_TEMPLATE_UNITS) add(UNIT_SHEET, 0, -1, 'TOO_MANY_ROWS');
    else {
      const [cCode, cName, cBlock] = uh.cols as [number, number, number];
      const seen = new Set<string>();
      body.forEach((row, i) => {
        if (isBlank(row)) return;
        const at = uh.row + 2 + i;
        const code = text(row[cCode]);
        const name = text(row[cName]);
        const block = blockOf(text(row[cBlock]));
        let ok = true;
        const bad = (...a: Parameters<typeof add>) => {
          add(...a);
          ok = false;
        };
        if (!UNIT_CODE_RE.test(code) || code.length > 40) bad(UNIT_SHEET, at, cCode, 'CODE_FORMAT');
        else if (seen.has(code.toLowerCase())) bad(UNIT_SHEET, at, cCode, 'DUPLICATE_UNIT'); // P-A and p-a are one unit
        if (!name) bad(UNIT_SHEET, at, cName, 'NAME_MISSING');
        else if (name.length > 200 || displayTextIssue(name)) bad(UNIT_SHEET, at, cName, 'TEXT_INVALID');
        if (!block) bad(UNIT_SHEET, at, cBlock, 'BLOCK_UNKNOWN');
        seen.add(code.toLowerCase());
        if (ok) units.push({ code, name, block: block! });
      });
    }
  }

  const ss = sheetByName(SIGNER_SHEET);
  if (!ss) return { units, signers, problems };
  const sh = findHeader(ss.rows, SIGNER_HEADERS);
  if (!sh) {
    add(SIGNER_SHEET, 0, -1, 'HEADER_MISSING');
    return { units, signers, problems };
  }
  const body = ss.rows.slice(sh.row + 1);
  if (body.length > MAX_TEMPLATE_SIGNERS) {
    add(SIGNER_SHEET, 0, -1, 'TOO_MANY_ROWS');
    return { units, signers, problems };
  }
  // A signer names its unit in any case; it is recorded under the unit sheet's spelling.
  const codes = new Map(units.map((u) => [u.code.toLowerCase(), u.code]));
  const seen = new Set<string>();
  const [cUnit, cSha, cSubject, cIssuer, cSerial, cFrom, cTo] = sh.cols as [number, number, number, number, number, number, number];
  body.forEach((row, i) => {
    if (isBlank(row)) return;
    const at = sh.row + 2 + i;
    const typed = text(row[cUnit]);
    const unitCode = codes.get(typed.toLowerCase()) ?? typed;
    const sha256 = normalizeFingerprint(text(row[cSha]));
    const notBefore = parseDay(text(row[cFrom]));
    const notAfter = parseDay(text(row[cTo]));
    const fields = [text(row[cSubject]), text(row[cIssuer]), text(row[cSerial])];
    let ok = true;
    const bad = (...a: Parameters<typeof add>) => {
      add(...a);
      ok = false;
    };
    if (!codes.has(typed.toLowerCase())) bad(SIGNER_SHEET, at, cUnit, 'SIGNER_UNIT_UNKNOWN');
    if (!sha256) bad(SIGNER_SHEET, at, cSha, 'FINGERPRINT_FORMAT');
    else if (seen.has(`${unitCode} ${sha256}`)) bad(SIGNER_SHEET, at, cSha, 'DUPLICATE_SIGNER');
    [cSubject, cIssuer, cSerial].forEach((c, k) => {
      const v = fields[k]!;
      if (v.length > 500 || displayTextIssue(v)) bad(SIGNER_SHEET, at, c, 'TEXT_INVALID');
    });
    if (!notBefore) bad(SIGNER_SHEET, at, cFrom, 'DATE_INVALID');
    if (!notAfter || (notBefore && notAfter < notBefore)) bad(SIGNER_SHEET, at, cTo, 'DATE_INVALID');
    if (sha256) seen.add(`${unitCode} ${sha256}`);
    if (ok) signers.push({ unitCode, sha256: sha256!, subject: fields[0]!, issuer: fields[1]!, serial: fields[2]!, notBefore: notBefore!, notAfter: notAfter! });
  });
  return { units, signers, problems };
};

/** The two sheets of a year's register (active signers only), ready for the xlsx writer. */
export const templateSheets = (units: readonly TemplateUnit[], signers: readonly TemplateSigner[]): Sheet[] => [
  { name: UNIT_SHEET, rows: [[...UNIT_HEADERS], ...units.map((u) => [u.code, u.name, u.block])] },
  {
    name: SIGNER_SHEET,
    rows: [[...SIGNER_HEADERS], ...signers.map((s) => [s.unitCode, s.sha256, s.subject, s.issuer, s.serial, s.notBefore.slice(0, 10), s.notAfter.slice(0, 10)])],
  },
];
