import type { Language } from '../schemas/settings';

/**
 * Numbers as the UI, the reports and the CLI print them. Points are integers in thousandths ("milli-points",
 * shared/domain/points.ts), percentages integers in thousandths of a percent, the index in hundredths: every
 * function here works on those integers, so no float can ever show up as "0,30000000000000004". Vietnamese
 * writes a decimal comma and groups thousands with a dot ("1.234,5"); English the other way round.
 */

const separators = (lang: Language) => (lang === 'vi' ? { decimal: ',', group: '.' } : { decimal: '.', group: ',' });

const groupThousands = (digits: string, group: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);

/**
 * A scaled integer (value ÷ 10^scaleDigits) with trailing zeros trimmed down to `minDecimals`.
 * Throws on a non-integer: a float here means a caller skipped the exact arithmetic.
 */
export const formatScaled = (value: number, scaleDigits: number, lang: Language, minDecimals = 0): string => {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not an exact scaled integer: ${value}`);
  const { decimal, group } = separators(lang);
  const abs = Math.abs(value);
  const base = 10 ** scaleDigits;
  let frac = String(abs % base).padStart(scaleDigits, '0');
  while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
  while (frac.length < minDecimals) frac += '0';
  const whole = groupThousands(String(Math.trunc(abs / base)), group);
  return `${value < 0 ? '-' : ''}${whole}${frac ? decimal + frac : ''}`;
};

/** Milli-points → "12,5" (vi) / "12.5" (en); 4000 → "4"; `minDecimals` pads ("12,00" in report tables). */
export const formatPoints = (milli: number, lang: Language = 'vi', minDecimals = 0): string => formatScaled(milli, 3, lang, minDecimals);

/** Points deducted (a non-negative amount) as shown beside totals: 500 → "−0,5" with a real minus sign; 0 → "0" (reports: "−0,50"). */
export const formatDeduction = (milli: number, lang: Language = 'vi', minDecimals = 0): string =>
  milli === 0 ? formatPoints(0, lang, minDecimals) : `−${formatPoints(milli, lang, minDecimals)}`;

/** A change of points, signed: −500 → "−0,5" (real minus sign), 250 → "+0,25", 0 → "0" (appraised vs self). */
export const formatDifference = (milli: number, lang: Language = 'vi'): string =>
  milli === 0 ? formatPoints(0, lang) : milli < 0 ? formatDeduction(-milli, lang) : `+${formatPoints(milli, lang)}`;

/** Milli-percent → "98,6" (the caller adds " %", whose spacing differs between running text and tables). */
export const formatPercent = (milliPct: number, lang: Language = 'vi'): string => formatScaled(milliPct, 3, lang);

/** Index in hundredths of a percent → always two decimals: 9617 → "96,17". */
export const formatIndex = (bp: number, lang: Language = 'vi'): string => formatScaled(bp, 2, lang, 2);

/**
 * part ÷ whole as a percentage with two decimals and a sign as in report tables: (8500, 10000) → "85,00%".
 * Rounds half up on integers; "—" when nothing is applicable (whole ≤ 0).
 */
export const formatPercentOf = (part: number, whole: number, lang: Language = 'vi'): string => {
  if (whole <= 0) return '—';
  const hundredths = Math.floor((part * 10000 * 2 + whole) / (2 * whole));
  return `${formatScaled(hundredths, 2, lang, 2)}%`;
};

/**
 * A measured quantity that is not exact by nature (file sizes, character counts), through Intl so grouping
 * follows the language. Never for points or percentages of a score: those go through formatPoints & co.
 */
export const formatNumber = (value: number, lang: Language, maxFractionDigits = 2, minFractionDigits = 0): string =>
  new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: maxFractionDigits, minimumFractionDigits: minFractionDigits }).format(value);

const KIB = 1024;
const MIB = 1024 * 1024;

/** A file size: "3,2 MB", "47 KB", "512 B" (binary units, as file managers on Windows show them). */
export const formatBytes = (bytes: number, lang: Language): string =>
  bytes >= MIB
    ? `${formatNumber(bytes / MIB, lang, 1)} MB`
    : bytes >= KIB
      ? `${formatNumber(Math.round(bytes / KIB), lang, 0)} KB`
      : `${formatNumber(bytes, lang, 0)} B`;

/**
 * A number typed in the UI, in the one format the UI also prints (formatScaled): Vietnamese "1.234,5" ("."
 * groups thousands in threes, "," starts the decimals), English "1,234.5". Returns the value scaled by
 * 10^decimals as an exact integer; undefined for an empty text; null for anything else ("12 345,6", "2.5" in
 * Vietnamese, a sign, more decimals than allowed), so the caller refuses it instead of guessing.
 */
export const parseNumberInput = (text: string, lang: Language, decimals: number): number | null | undefined => {
  const t = text.trim();
  if (t === '') return undefined;
  const { decimal, group } = separators(lang);
  const g = group === '.' ? '\\.' : group;
  const d = decimal === '.' ? '\\.' : decimal;
  const m = new RegExp(`^(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d+))?$`).exec(t);
  if (!m) return null;
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (m[2] !== undefined && decimals === 0) return null;
  if (frac.length > decimals) return null;
  const scaled = Number(m[1]!.split(group).join('')) * 10 ** decimals + Number(frac.padEnd(decimals, '0') || '0');
  return Number.isSafeInteger(scaled) ? scaled : null;
};

/** The expected format of a number field, as an example in the language's one format: "1.234" / "1.234,5". */
export const numberInputExample = (lang: Language, decimals: number): string => formatScaled(decimals === 0 ? 1234 : 12345, decimals === 0 ? 0 : 1, lang);
