import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { combineTotals, formatIsoDate, formatMilli, formatPercent } from '../../../shared/domain/report/format';
import { describeInputs, describeMethod } from '../../../shared/domain/report/method-text';

describe('report text forms', () => {
  it('formats milli-points with a decimal comma, exactly', () => {
    expect(formatMilli(12500)).toBe('12,5');
    expect(formatMilli(12000, 2)).toBe('12,00');
    expect(formatMilli(125)).toBe('0,125');
    expect(formatMilli(-1500)).toBe('-1,5');
    expect(formatMilli(1234567)).toBe('1.234,567');
    expect(() => formatMilli(0.5)).toThrow();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (m) => {
        const [int, frac = ''] = formatMilli(m).replace(/\./g, '').split(',');
        expect(Number(int) * 1000 + Number(frac.padEnd(3, '0'))).toBe(m);
      }),
    );
  });

  it('rounds percentages half up on integers', () => {
    expect(formatPercent(8500, 10000)).toBe('85,00%');
    expect(formatPercent(1, 3)).toBe('33,33%');
    expect(formatPercent(2, 3)).toBe('66,67%');
    expect(formatPercent(1, 0)).toBe('—');
    expect(formatIsoDate('2025-03-07')).toBe('07/03/2025');
    expect(formatIsoDate(null)).toBe('');
  });

  it('applies the bonus/penalty caps and clamps to the scale', () => {
    const caps = { maxMilli: 100_000, bonusCapMilli: 3000, penaltyCapMilli: 5000 };
    expect(combineTotals({ main: 90_000, bonus: 4000, penalty: 1000 }, caps)).toBe(92_000);
    expect(combineTotals({ main: 99_000, bonus: 3000, penalty: 0 }, caps)).toBe(100_000);
    expect(combineTotals({ main: 2000, bonus: 0, penalty: 9000 }, caps)).toBe(0);
  });

  it('describes methods and declared inputs in Vietnamese', () => {
    expect(describeMethod({ type: 'BINARY', question: '' }, 1.5)).toBe('Đạt: 1,5 điểm; không đạt: 0 điểm');
    const levels = { type: 'LEVELS' as const, levels: [{ id: 'a', label: 'Kịp thời', points: 1 }, { id: 'b', label: 'Chậm', points: 0.5 }] };
    expect(describeMethod(levels, 1)).toBe('Kịp thời: 1 điểm; Chậm: 0,5 điểm');
    expect(describeInputs(levels, { levelId: 'b' })).toBe('Chậm');
    expect(describeInputs({ type: 'BINARY', question: '' }, { met: false })).toBe('Không');
    expect(describeInputs({ type: 'MANUAL', step: 0.25 }, { manualPoints: 0.75 })).toBe('0,75 điểm');
  });
});
