/**
 * Exact point arithmetic. Points are integers in thousandths of a point ("milli-points"): 2.5 points = 2500.
 * Percentages are integers in thousandths of a percent ("milli-percent"): 98.6 % = 98600, so thresholds like
 * 98 % and rates like 98,625 % compare exactly. Rates from counts stay rationals (numerator/denominator) and
 * are compared by cross-multiplication, never by dividing into a float.
 *
 * Rounding rule (documented in docs/indicator-sets.md): every division that cannot be exact rounds HALF UP
 * (away from zero for the non-negative values we use) to the unit of the result: milli-points for scores,
 * hundredths of a percent for the index. Products/quotients are computed with BigInt so nothing overflows.
 */

/** Integer thousandths of a point. */
export type Milli = number;
/** Integer thousandths of a percent (100 % = 100000). */
export type MilliPct = number;
/** Index in hundredths of a percent (96.17 % = 9617). */
export type IndexBp = number;

export const PCT_FULL: MilliPct = 100_000;

/** An exact non-negative rate num/den (den > 0). */
export type Rate = { num: number; den: number };

const DECIMAL_RE = /^([+-])?(\d+)(?:[.,](\d+))?$/;

/**
 * Parses a decimal with at most `scaleDigits` fraction digits into an integer scaled by 10^scaleDigits.
 * Accepts "2,5" (Vietnamese) and "2.5" (English); returns null for anything else (thousand separators,
 * exponents, too many decimals) — a score must never be silently rounded on input.
 */
export const parseScaled = (text: string, scaleDigits: number): number | null => {
  const m = DECIMAL_RE.exec(text.trim());
  if (!m) return null;
  const [, sign, intPart, frac = ''] = m;
  const trimmedFrac = frac.replace(/0+$/, '');
  if (trimmedFrac.length > scaleDigits) return null;
  const scaled = Number(intPart) * 10 ** scaleDigits + Number(trimmedFrac.padEnd(scaleDigits, '0') || '0');
  if (!Number.isSafeInteger(scaled)) return null;
  return sign === '-' ? -scaled : scaled;
};

/** Exact conversion of a JS number written with ≤ `scaleDigits` decimals (as in JSON) to a scaled integer. */
export const numberToScaled = (value: number, scaleDigits: number): number | null => {
  if (!Number.isFinite(value)) return null;
  // The shortest round-trip text of a double is exactly what the JSON author wrote (e.g. 0.1 → "0.1").
  const text = String(value);
  if (/e/i.test(text)) {
    const rounded = Math.round(value * 10 ** scaleDigits);
    return Math.abs(rounded / 10 ** scaleDigits - value) < 1e-12 ? rounded : null;
  }
  return parseScaled(text, scaleDigits);
};

/** Points as written in a set/answers file (e.g. 1.5) → milli-points; null if more than 3 decimals. */
export const toMilli = (points: number): Milli | null => numberToScaled(points, 3);

/** Like toMilli but throws: for values already validated by a schema. */
export const milli = (points: number): Milli => {
  const m = toMilli(points);
  if (m === null) throw new Error(`Giá trị điểm không hợp lệ: ${points}`);
  return m;
};

/**
 * Milli-points → a JS number of points for JSON and spreadsheets. Exact in the only sense a double can be:
 * IEEE division is correctly rounded, so 2500 / 1000 is the very double the literal 2.5 denotes.
 */
export const fromMilli = (m: Milli): number => m / 1000;

/** round-half-up(a × b ÷ c) for non-negative integers, exact via BigInt. */
export const mulDivRound = (a: number, b: number, c: number): number => {
  if (c <= 0) throw new Error('mulDivRound: divisor must be positive');
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const neg = n < 0n;
  const abs = neg ? -n : n;
  const q = (abs * 2n + d) / (2n * d);
  return Number(neg ? -q : q);
};

/** Compares num/den with a threshold in milli-percent: -1, 0, 1. Exact. */
export const compareRate = (r: Rate, threshold: MilliPct): -1 | 0 | 1 => {
  const lhs = BigInt(r.num) * BigInt(PCT_FULL);
  const rhs = BigInt(threshold) * BigInt(r.den);
  return lhs < rhs ? -1 : lhs > rhs ? 1 : 0;
};

/** The rate rounded half-up to milli-percent (for display and explanation texts only). */
export const rateToMilliPct = (r: Rate): MilliPct => mulDivRound(r.num, PCT_FULL, r.den);

/** The complement 1 − r (for rates derived from failures, e.g. on-time = 100 % − late %). */
export const complementRate = (r: Rate): Rate => ({ num: r.den - r.num, den: r.den });

/**
 * Index = achieved ÷ applicable max × 100, in hundredths of a percent, rounded half up. Negative achieved
 * (penalties larger than everything) gives 0; applicable 0 (everything N/A) gives null (no index).
 */
export const indexOf = (achieved: Milli, applicable: Milli): IndexBp | null => {
  if (applicable <= 0) return null;
  if (achieved <= 0) return 0;
  return mulDivRound(achieved, 10_000, applicable);
};

/**
 * The index as the PAR Index reports it: indexOf capped at 100.00 (bonus points on a rescaled, N/A-reduced
 * denominator could exceed 100 %). The scoring engine, the ranking and the result packages' check share it.
 */
export const cappedIndexOf = (achieved: Milli, applicable: Milli): IndexBp | null => {
  const raw = indexOf(achieved, applicable);
  return raw === null ? null : Math.min(10_000, raw);
};

