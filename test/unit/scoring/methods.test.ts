import { describe, expect, it } from 'vitest';

import { scoreNode, scoreProblemText } from '../../../shared/domain/scoring/index';
import type { ScorableAnswer } from '../../../shared/schemas/answers';
import { ans, leaf } from './fixtures';

// Bands of 3.3 (sở): 100 % → 4; 98–<100 % → 2; 95–<98 % → 1; <95 % → 0.
const onTime = leaf({
  maxPoints: 4,
  method: {
    type: 'BANDS',
    bands: [
      { min: 100, points: 4 },
      { min: 98, points: 2 },
      { min: 95, points: 1 },
    ],
  },
});
// Cà Mau 1.1.4: >90 % → 2; 70–90 % → 1; <70 % → 0 (exclusive upper edge of the top band).
const caMau = leaf({
  maxPoints: 2,
  method: {
    type: 'BANDS',
    bands: [
      { min: 90, inclusive: false, points: 2 },
      { min: 70, inclusive: true, points: 1 },
    ],
  },
});
const linear = (target: number, max = 1.5, cap: number | null = null) =>
  leaf({ maxPoints: max, method: { type: 'LINEAR', targetPct: target, capPoints: cap } });
const piecewise = leaf({
  maxPoints: 2.5,
  method: { type: 'PIECEWISE', points: [{ pct: 50, points: 1 }, { pct: 70, points: 2.5 }] },
});

const cases: Array<[string, ReturnType<typeof leaf>, ScorableAnswer, number, string?]> = [
  // BANDS — exact boundaries
  ['bands 100 %', onTime, ans({ numerator: 500, denominator: 500 }), 4000],
  ['bands 99,99 %', onTime, ans({ numerator: 9999, denominator: 10000 }), 2000],
  ['bands exactly 98 %', onTime, ans({ numerator: 98, denominator: 100 }), 2000, '98/100 = 98 % → mức 98–<100 % → 2/4 điểm'],
  ['bands 98,6 %', onTime, ans({ percent: 98.6 }), 2000, '98,6 % → mức 98–<100 % → 2/4 điểm'],
  ['bands just below 98 %', onTime, ans({ numerator: 97_999, denominator: 100_000 }), 1000],
  ['bands exactly 95 %', onTime, ans({ numerator: 19, denominator: 20 }), 1000],
  ['bands just below 95 %', onTime, ans({ numerator: 949, denominator: 1000 }), 0, '949/1000 = 94,9 % → mức <95 % → 0/4 điểm'],
  ['exclusive edge: exactly 90 % is not >90 %', caMau, ans({ percent: 90 }), 1000, '90 % → mức 70–≤90 % → 1/2 điểm'],
  ['exclusive edge: 90,001 %', caMau, ans({ percent: 90.001 }), 2000, '90,001 % → mức >90 % → 2/2 điểm'],
  ['inclusive edge: exactly 70 %', caMau, ans({ percent: 70 }), 1000],
  ['below 70 %', caMau, ans({ percent: 69.999 }), 0],
  // LINEAR — domain doc: 80 % × 20 = 16; min(1, rate ÷ 80 %) × 1,5
  ['linear 80 % × 20', linear(100, 20), ans({ percent: 80 }), 16_000, '80 % × 20 → 16/20 điểm'],
  ['linear target 80 %: 40 %', linear(80), ans({ numerator: 40, denominator: 100 }), 750],
  ['linear target 80 %: 80 % reaches max', linear(80), ans({ numerator: 80, denominator: 100 }), 1500],
  ['linear target 80 %: 95 % capped at max', linear(80), ans({ numerator: 95, denominator: 100 }), 1500],
  ['linear target 50 %: 1/3 rounds half up', linear(50, 1.5), ans({ numerator: 1, denominator: 3 }), 1000],
  ['linear 2/3 × 1', linear(100, 1), ans({ numerator: 2, denominator: 3 }), 667],
  ['linear with cap points', linear(100, 2, 1.5), ans({ percent: 100 }), 1500],
  // PIECEWISE (3.5): ≥70 → 2,5; 50–<70 → 1 + (r − 50) ÷ 20 × 1,5; <50 → 0
  ['piecewise 49,999 %', piecewise, ans({ percent: 49.999 }), 0],
  ['piecewise exactly 50 %', piecewise, ans({ percent: 50 }), 1000],
  ['piecewise 60 %', piecewise, ans({ numerator: 60, denominator: 100 }), 1750],
  ['piecewise 69 %', piecewise, ans({ percent: 69 }), 2425],
  ['piecewise exactly 70 %', piecewise, ans({ percent: 70 }), 2500],
  ['piecewise 100 %', piecewise, ans({ percent: 100 }), 2500],
  // BINARY / LEVELS (Cà Mau 1.1.1: kịp thời 1 / không kịp thời 0,5 / không ban hành 0)
  ['binary met', leaf({ maxPoints: 1, method: { type: 'BINARY' } }), ans({ met: true }), 1000, 'Đạt → 1/1 điểm'],
  ['binary not met', leaf({ maxPoints: 1, method: { type: 'BINARY' } }), ans({ met: false }), 0],
  ...(['kip_thoi', 'khong_kip_thoi', 'khong'] as const).map(
    (id, i): [string, ReturnType<typeof leaf>, ScorableAnswer, number] => [
      `levels ${id}`,
      leaf({
        maxPoints: 1,
        method: {
          type: 'LEVELS',
          levels: [
            { id: 'kip_thoi', label: 'Kịp thời', points: 1 },
            { id: 'khong_kip_thoi', label: 'Không kịp thời', points: 0.5 },
            { id: 'khong', label: 'Không ban hành', points: 0 },
          ],
        },
      }),
      ans({ levelId: id }),
      [1000, 500, 0][i]!,
    ],
  ),
  // COUNT_DEDUCT floored at 0 (1.2: 1 − 0,25 × số báo cáo chậm)
  ['count deduct 0', leaf({ maxPoints: 1, method: { type: 'COUNT_DEDUCT', perEvent: 0.25 } }), ans({ count: 0 }), 1000],
  ['count deduct 3', leaf({ maxPoints: 1, method: { type: 'COUNT_DEDUCT', perEvent: 0.25 } }), ans({ count: 3 }), 250],
  ['count deduct floored', leaf({ maxPoints: 1, method: { type: 'COUNT_DEDUCT', perEvent: 0.25 } }), ans({ count: 9 }), 0],
  // COUNT (bonus +1 per initiative, max 2)
  ['count bonus capped', leaf({ kind: 'BONUS', maxPoints: 2, method: { type: 'COUNT', perEvent: 1 } }), ans({ count: 3 }), 2000],
  ['count penalty', leaf({ kind: 'PENALTY', maxPoints: 1.5, method: { type: 'COUNT', perEvent: 0.25 } }), ans({ count: 5 }), 1250],
  // EXTERNAL (domain doc: 88/100 × 5 = 4,40; SIPAS 92,67 % × 8 = 7,41 → exact 7,414)
  ['external 766', leaf({ maxPoints: 5, method: { type: 'EXTERNAL', source: '766' } }), ans({ externalValue: 88 }), 4400, '766: 88/100 × 5 → 4,4/5 điểm'],
  ['external SIPAS', leaf({ kind: 'SURVEY', maxPoints: 8, method: { type: 'EXTERNAL', source: 'SIPAS' } }), ans({ externalValue: 92.67 }), 7414],
  ['external above scale is capped', leaf({ maxPoints: 5, method: { type: 'EXTERNAL', source: '766' } }), ans({ externalValue: 120 }), 5000],
  // MANUAL in steps of 0,25
  ['manual 0,75', leaf({ maxPoints: 1, method: { type: 'MANUAL', step: 0.25 } }), ans({ manualPoints: 0.75 }), 750],
  // SURVEY % × max
  ['survey 90 % × 3', leaf({ kind: 'SURVEY', maxPoints: 3, method: { type: 'SURVEY' } }), ans({ percent: 90 }), 2700],
];

describe('every scoring method, exact values at the boundaries', () => {
  it.each(cases)('%s', (_name, node, answer, expected, text) => {
    const s = scoreNode(node, answer);
    expect(s.status).toBe('SCORED');
    expect(s.score).toBe(expected);
    if (text) expect(s.explanation).toBe(text);
  });
});

describe('derived rates, zero denominators, invalid inputs', () => {
  const m9 = leaf({
    maxPoints: 4,
    method: { type: 'BANDS', complement: true, bands: [{ min: 100, points: 4 }, { min: 98, points: 2 }, { min: 95, points: 1 }] },
  });
  it('domain doc M9: 12 + 8 late of 1 000 → 98 % on time → 2 points', () => {
    const s = scoreNode(m9, ans({ numerator: 12 + 8, denominator: 1000 }));
    expect(s.score).toBe(2000);
    expect(s.explanation).toBe('20/1000 → tỷ lệ 98 % → mức 98–<100 % → 2/4 điểm');
  });
  it.each([
    ['NOT_ALLOWED', 'INVALID', 0, 4000],
    ['RESCALE', 'NA', 0, 0],
    ['FULL_MARKS', 'NA', 4000, 4000],
  ] as const)('0/0 with zeroDenominator NA under %s', (naPolicy, status, score, applicable) => {
    const s = scoreNode({ ...onTime, naPolicy }, ans({ numerator: 0, denominator: 0 }));
    expect([s.status, s.score, s.applicableMax]).toEqual([status, score, applicable]);
  });
  it('0/0 with zeroDenominator FULL_MARKS or ZERO', () => {
    const full = leaf({ maxPoints: 1, method: { type: 'LINEAR', zeroDenominator: 'FULL_MARKS' } });
    const zero = leaf({ maxPoints: 1, method: { type: 'LINEAR', zeroDenominator: 'ZERO' } });
    expect(scoreNode(full, ans({ numerator: 0, denominator: 0 })).score).toBe(1000);
    expect(scoreNode(zero, ans({ numerator: 0, denominator: 0 })).score).toBe(0);
  });
  it.each([
    ['numerator above denominator', onTime, ans({ numerator: 5, denominator: 4 }), 'NUMERATOR_ABOVE'],
    ['numerator without denominator', onTime, ans({ numerator: 5 }), 'NEED_BOTH'],
    ['x/0 with x > 0', onTime, ans({ numerator: 5, denominator: 0 }), 'ZERO_DENOMINATOR'],
    ['unknown level', leaf({ maxPoints: 1, method: { type: 'LEVELS', levels: [{ id: 'a', label: 'A', points: 1 }, { id: 'b', label: 'B', points: 0 }] } }), ans({ levelId: 'z' }), 'UNKNOWN_LEVEL'],
    ['manual off-step', leaf({ maxPoints: 1, method: { type: 'MANUAL', step: 0.25 } }), ans({ manualPoints: 0.3 }), 'NOT_STEP'],
    ['manual above max', leaf({ maxPoints: 1, method: { type: 'MANUAL', step: 0.25 } }), ans({ manualPoints: 1.25 }), 'OVER_MAX'],
  ] as const)('%s → INVALID with a problem code worded in Vietnamese, score 0', (_n, node, a, code) => {
    const s = scoreNode(node, a);
    expect(s.status).toBe('INVALID');
    expect(s.score).toBe(0);
    expect(s.problems.map((p) => p.code)).toEqual([code]);
    expect(scoreProblemText(s.problems[0]!, 'vi')).toMatch(/[ạảãáàâăêôơưđ]/);
    expect(s.explanation).toBe(scoreProblemText(s.problems[0]!, 'vi'));
  });
  it.each([
    ['NOT_ALLOWED', 'INVALID', 0, 4000],
    ['RESCALE', 'NA', 0, 0],
    ['FULL_MARKS', 'NA', 4000, 4000],
  ] as const)('explicit N/A under %s', (naPolicy, status, score, applicable) => {
    const s = scoreNode({ ...onTime, naPolicy }, ans({}, { notApplicable: { reason: 'Không phát sinh' } }));
    expect([s.status, s.score, s.applicableMax]).toEqual([status, score, applicable]);
  });
  it('unanswered and pending survey', () => {
    expect(scoreNode(onTime, undefined).status).toBe('UNANSWERED');
    expect(scoreNode(onTime, ans({})).status).toBe('UNANSWERED');
    expect(scoreNode(leaf({ kind: 'SURVEY', maxPoints: 3, method: { type: 'SURVEY' } }), undefined).status).toBe('PENDING_SURVEY');
  });
  it('asks for an explanation below max when the node requires one', () => {
    const node = { ...onTime, explanationRequiredBelowMax: true };
    expect(scoreNode(node, ans({ percent: 99 })).problems).toEqual([{ code: 'EXPLANATION_NEEDED', params: {} }]);
    expect(scoreProblemText({ code: 'EXPLANATION_NEEDED', params: {} }, 'vi')).toBe('Cần giải trình vì điểm tự chấm thấp hơn điểm tối đa');
    expect(scoreNode(node, ans({ percent: 99 }, { explanation: 'Có 3 hồ sơ trễ do lỗi hệ thống' })).problems).toEqual([]);
    expect(scoreNode(node, ans({ percent: 100 })).problems).toEqual([]);
  });
});
