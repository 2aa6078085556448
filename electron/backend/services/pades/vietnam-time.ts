/**
 * Signing times as Vietnamese readers expect them: Vietnam time (UTC+07:00, no daylight saving), written
 * ISO 8601 with the offset for the visible appearance (Nghị định 30/2020/NĐ-CP, Phụ lục I asks for the
 * time zone of Vietnam per ISO 8601) and as a PDF date string for the signature dictionary's /M.
 */
const OFFSET_MS = 7 * 3600 * 1000;

const parts = (d: Date): string[] => {
  const t = new Date(d.getTime() + OFFSET_MS);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return [p(t.getUTCFullYear(), 4), p(t.getUTCMonth() + 1), p(t.getUTCDate()), p(t.getUTCHours()), p(t.getUTCMinutes()), p(t.getUTCSeconds())];
};

/** "2026-03-15T09:00:00+07:00" */
export const isoVietnam = (d: Date): string => {
  const [y, mo, da, h, mi, s] = parts(d);
  return `${y}-${mo}-${da}T${h}:${mi}:${s}+07:00`;
};

/** "D:20260315090000+07'00'" (ISO 32000-1 §7.9.4) */
export const pdfDateVietnam = (d: Date): string => `D:${parts(d).join('')}+07'00'`;
