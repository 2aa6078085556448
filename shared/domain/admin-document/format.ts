import type { DocumentFields } from './fields';

/** What a draft prints where a field is still empty (a final document never shows it). */
export const PLACEHOLDER = '…';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Số: the number has at least two digits ("số nhỏ hơn 10 phải ghi thêm số 0 phía trước"), then "/" and the
 * ký hiệu, no spaces: "05/BC-UBND". A draft shows "…" for what is missing.
 */
export const formatDocumentNumber = (f: Pick<DocumentFields, 'number' | 'symbol'>): string => {
  const digits = f.number.trim();
  const number = /^\d+$/.test(digits) ? String(Number(digits)).padStart(2, '0') : PLACEHOLDER;
  return `${number}/${f.symbol.trim() || PLACEHOLDER}`;
};

/**
 * "Hải Phòng, ngày 05 tháng 02 năm 2025": days below 10 and the months 1 and 2 get a leading zero, the
 * other months do not (Phụ lục I, phần II, mục 4). A missing date prints "ngày … tháng … năm …".
 */
export const formatPlaceDate = (place: string, date: string | null): string => {
  const m = date ? DATE.exec(date) : null;
  const where = place.trim() || PLACEHOLDER;
  if (!m) return `${where}, ngày ${PLACEHOLDER} tháng ${PLACEHOLDER} năm ${PLACEHOLDER}`;
  const month = Number(m[2]);
  return `${where}, ngày ${m[3]} tháng ${month <= 2 ? m[2] : String(month)} năm ${m[1]}`;
};

/**
 * The issuing body in upper case, on the lines the user gave; a single "Ủy ban nhân dân <xã/phường>" breaks
 * after "ỦY BAN NHÂN DÂN" as such headers are written.
 */
export const issuingBodyLines = (name: string): string[] => {
  const lines = name
    .normalize('NFC')
    .split(/\r?\n/)
    .map((l) => l.trim().toLocaleUpperCase('vi'))
    .filter(Boolean);
  const m = lines.length === 1 ? /^((?:ỦY|UỶ) BAN NHÂN DÂN)\s+(.+)$/u.exec(lines[0]!) : null;
  return m ? [m[1]!, m[2]!] : lines;
};

/** Nơi nhận lines: "- Sở Nội vụ;" … and the last one ends with a full stop ("- Lưu: VT."). */
export const recipientLines = (recipients: readonly string[]): string[] => {
  const names = recipients.map((r) => r.trim().replace(/^-\s*/, '').replace(/[;.,]+$/, '').trim()).filter(Boolean);
  return names.map((n, i) => `- ${n}${i === names.length - 1 ? '.' : ';'}`);
};
