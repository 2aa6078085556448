/**
 * Which cells hold dates or percentages, from styles.xml: cell style index → number format → kind. Built-in
 * format ids follow ECMA-376 part 1, §18.8.30 (9/10 percent; 14–22, 45–47 dates and times).
 */
export type CellKind = 'date' | 'percent' | 'plain';

const BUILTIN_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);
const BUILTIN_PERCENT = new Set([9, 10]);

/** A custom format code's kind: text in quotes, escapes and [colour]/[locale] brackets do not count. */
export const kindOfFormatCode = (code: string): CellKind => {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  if (bare.includes('%')) return 'percent';
  if (/general/i.test(bare)) return 'plain';
  return /[dmyhs]/i.test(bare) ? 'date' : 'plain';
};

export const kindOfFormatId = (id: number, custom: ReadonlyMap<number, string>): CellKind => {
  const code = custom.get(id);
  if (code !== undefined) return kindOfFormatCode(code);
  if (BUILTIN_PERCENT.has(id)) return 'percent';
  return BUILTIN_DATE.has(id) ? 'date' : 'plain';
};

/** Excel serial day → yyyy-mm-dd (the 1900 system counts from 1899-12-30, the 1904 one from 1904-01-01). */
export const serialToIsoDay = (serial: number, date1904: boolean): string | null => {
  const days = serial + (date1904 ? 1462 : 0);
  const ms = Math.round((days - 25569) * 86_400_000);
  const d = new Date(ms);
  return Number.isFinite(d.getTime()) && days >= 0 ? d.toISOString().slice(0, 10) : null;
};

/**
 * A percent-formatted number as the percent it shows, as text ("85.5%"): 0.855 × 100 is 85.49999999999999 in
 * floats, so round to the 3 decimals a percentage may carry and keep the long form when more decimals are
 * really there (an exact parser downstream refuses it then). Same rule as the survey sheet always had.
 */
export const percentText = (raw: number): string => {
  const scaled = raw * 100;
  const r3 = Math.round(scaled * 1000) / 1000;
  return `${Math.abs(r3 - scaled) < 1e-9 ? String(r3) : String(scaled)}%`;
};
