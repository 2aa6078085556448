import { describe, expect, it } from 'vitest';

import { combineTotals } from '../../../shared/domain/report/format';
import { describeInputs, describeMethod } from '../../../shared/domain/report/method-text';

describe('report text forms', () => {
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
