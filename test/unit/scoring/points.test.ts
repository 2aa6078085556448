import { describe, expect, it } from 'vitest';

import { compareRate, indexOf, mulDivRound, parseScaled, toMilli } from '../../../shared/domain/points';
import { formatIndex, formatPoints } from '../../../shared/format/index';

describe('milli-point arithmetic', () => {
  it.each([
    ['2,5', 2500],
    ['2.5', 2500],
    ['0,125', 125],
    ['10', 10_000],
    ['0,1000', 100],
    [' 3 ', 3000],
  ])('parseScaled(%s, 3) = %i', (text, m) => expect(parseScaled(text, 3)).toBe(m));

  it.each(['0,0001', '1.000,5', '1e3', 'abc', '', '2,5,1'])('parseScaled refuses %s', (t) => expect(parseScaled(t, 3)).toBeNull());

  it('formats per locale and trims zeros', () => {
    expect(formatPoints(2500, 'vi')).toBe('2,5');
    expect(formatPoints(2500, 'en')).toBe('2.5');
    expect(formatPoints(4000)).toBe('4');
    expect(formatPoints(7414)).toBe('7,414');
    expect(formatPoints(-250)).toBe('-0,25');
  });

  it('has no float drift: 0.1 + 0.2 is exactly 0.3', () => {
    expect(toMilli(0.1)! + toMilli(0.2)!).toBe(toMilli(0.3));
    expect(formatPoints(toMilli(0.1)! + toMilli(0.2)!)).toBe('0,3');
  });

  it('refuses more than three decimals', () => expect(toMilli(0.0005)).toBeNull());

  it('index = achieved ÷ applicable × 100, two decimals, round half up', () => {
    expect(indexOf(96_170, 100_000)).toBe(9617);
    expect(formatIndex(9617)).toBe('96,17');
    expect(formatIndex(9000, 'en')).toBe('90.00');
    // 1 / 3 = 33.333… → 33.33; 2 / 3 = 66.666… → 66.67; exactly half: 1 / 8 × 100 = 12.5 → 12.50
    expect(indexOf(1000, 3000)).toBe(3333);
    expect(indexOf(2000, 3000)).toBe(6667);
    expect(indexOf(1, 80_000)).toBe(0); // 0.00125 % → 0.00
    expect(indexOf(5, 80_000)).toBe(1); // 0.00625 % → 0.01 (half up)
    expect(indexOf(0, 0)).toBeNull();
    expect(indexOf(-5, 1000)).toBe(0);
  });

  it('mulDivRound rounds half up exactly, even for huge products', () => {
    expect(mulDivRound(1, 1, 2)).toBe(1);
    expect(mulDivRound(1, 1, 3)).toBe(0);
    expect(mulDivRound(1_000_000_000, 100_000, 3)).toBe(33_333_333_333_333);
  });

  it('compares rates with thresholds exactly (no 0.95 float trap)', () => {
    expect(compareRate({ num: 95, den: 100 }, 95_000)).toBe(0);
    expect(compareRate({ num: 19, den: 20 }, 95_000)).toBe(0);
    expect(compareRate({ num: 949_999, den: 1_000_000 }, 95_000)).toBe(-1);
  });
});

describe('answer inputs are exact', () => {
  it('refuses more than three decimals in typed percentages and points', async () => {
    const { answerInputsSchema } = await import('../../../shared/schemas/answers');
    expect(answerInputsSchema.safeParse({ percent: 98.625 }).success).toBe(true);
    expect(answerInputsSchema.safeParse({ percent: 98.6251 }).success).toBe(false);
    expect(answerInputsSchema.safeParse({ manualPoints: 0.0001 }).success).toBe(false);
    expect(answerInputsSchema.safeParse({ numerator: 1.5 }).success).toBe(false);
  });
});
