import type { AnswerInputs } from '../../schemas/answers';
import type { RateMethod } from '../../schemas/indicator-set-methods';
import type { Language as Locale } from '../../schemas/settings';
import { formatPercent } from '../../format/index';
import type { MilliPct, Rate } from '../points';
import { complementRate, numberToScaled, PCT_FULL, rateToMilliPct } from '../points';
import { scorePhrases } from './phrases';
import type { ScoreProblem } from './problems';

/** Memoised exact conversion of set/answer numbers (≤ 3 decimals) to thousandths: the hot path of scoring. */
const cache = new Map<number, number>();
export const k = (v: number): number => {
  let r = cache.get(v);
  if (r === undefined) {
    const s = numberToScaled(v, 3);
    if (s === null) throw new Error(`Giá trị có quá 3 chữ số thập phân: ${v}`);
    r = s;
    if (cache.size < 10_000) cache.set(v, r);
  }
  return r;
};

export type RateRead =
  | { kind: 'rate'; rate: Rate; text: string }
  | { kind: 'zero' }
  | { kind: 'missing' }
  | { kind: 'invalid'; problem: ScoreProblem };

/**
 * Reads the rate a BANDS/LINEAR/PIECEWISE node scores: numerator ÷ denominator (complemented when the
 * numerator counts failures), or a percentage typed directly (already the scored rate).
 */
export const readRate = (m: RateMethod, inputs: AnswerInputs, lang: Locale = 'vi'): RateRead => {
  const { numerator, denominator, percent } = inputs;
  const t = scorePhrases(lang);
  if (numerator !== undefined || denominator !== undefined) {
    if (numerator === undefined || denominator === undefined) {
      return { kind: 'invalid', problem: { code: 'NEED_BOTH', params: { numeratorLabel: m.numeratorLabel, denominatorLabel: m.denominatorLabel } } };
    }
    if (denominator === 0) return numerator === 0 ? { kind: 'zero' } : { kind: 'invalid', problem: { code: 'ZERO_DENOMINATOR', params: {} } };
    if (numerator > denominator) {
      const params = { numeratorLabel: m.numeratorLabel, numerator, denominatorLabel: m.denominatorLabel, denominator };
      return { kind: 'invalid', problem: { code: 'NUMERATOR_ABOVE', params } };
    }
    const raw: Rate = { num: numerator, den: denominator };
    const rate = m.complement ? complementRate(raw) : raw;
    const pct = formatPercent(rateToMilliPct(rate), lang);
    const text = m.complement
      ? `${numerator}/${denominator} → ${t.rate} ${pct} %`
      : `${numerator}/${denominator} = ${pct} %`;
    return { kind: 'rate', rate, text };
  }
  if (percent !== undefined) {
    const p: MilliPct = k(percent);
    return { kind: 'rate', rate: { num: p, den: PCT_FULL }, text: `${formatPercent(p, lang)} %` };
  }
  return { kind: 'missing' };
};

/** Text of a band's interval, e.g. "98–<100 %", "≥100 %", ">90 %", "<95 %". */
export const bandIntervalText = (
  lower: { min: number; inclusive: boolean } | null,
  upper: { min: number; inclusive: boolean } | null,
  lang: Locale = 'vi',
): string => {
  const f = (v: number) => formatPercent(k(v), lang);
  if (lower && upper) {
    const lo = lower.inclusive ? f(lower.min) : `>${f(lower.min)}`;
    // The band above starts at upper.min; if that edge is inclusive, this band stops strictly below it.
    const hi = upper.inclusive ? `<${f(upper.min)}` : `≤${f(upper.min)}`;
    return `${lo}–${hi} %`;
  }
  if (lower) return `${lower.inclusive ? '≥' : '>'}${f(lower.min)} %`;
  if (upper) return `${upper.inclusive ? '<' : '≤'}${f(upper.min)} %`;
  return scorePhrases(lang).anyRate;
};
