import { describe, expect, it } from 'vitest';

import type { PackageTotals } from '../../shared/schemas/exchange-common';
import { totalsIssues } from '../../shared/schemas/exchange-totals';
import type { TotalsCriterion, TotalsSurvey } from '../../shared/schemas/exchange-totals';

/**
 * The totals of a result package against its lines (shared/schemas/exchange-totals.ts), every figure by hand
 * in milli-points. Lines: SELF 1.1 = 1000 of 1000, SELF 1.2 = 750 of 1000, BONUS 9.1 = 1000, PENALTY 9.2 = 500;
 * survey 1.6 = 2400 of 3000 entered, 2.4 (max 2000) not entered.
 * self 1750 + survey 2400 + bonus 1000 − penalty 500 = 4650 of 1000 + 1000 + 3000 + 2000 = 7000 → 66.43 %.
 */
const criteria: TotalsCriterion[] = [
  { kind: 'SELF', max: 1000, points: 1000 },
  { kind: 'SELF', max: 1000, points: 750 },
  { kind: 'BONUS', max: 1000, points: 1000 },
  { kind: 'PENALTY', max: 1000, points: 500 },
];
const survey: TotalsSurvey[] = [
  { max: 3000, points: 2400 },
  { max: 2000, points: null },
];
const good: PackageTotals = { self: 1750, survey: 2400, bonus: 1000, penalty: 500, final: 4650, applicableMax: 7000, index: 6643, classification: { id: 'KHA', label: 'Khá' } };
const paths = (t: Partial<PackageTotals>, s: TotalsSurvey[] = survey): string[] => totalsIssues('totals.x', { ...good, ...t }, criteria, s).map(([p]) => p);

describe('result package totals follow from their lines', () => {
  it('accepts hand-computed totals, a capped bonus (final below the uncapped sum) and an external index counted as self', () => {
    expect(paths({})).toEqual([]);
    // bonusCap 500: final 4150 → 59.29 %.
    expect(paths({ final: 4150, index: 5929 })).toEqual([]);
    // The survey line 1.6 scored from an external index of kind SELF: its 2400 sits in `self`.
    expect(paths({ self: 4150, survey: 0 })).toEqual([]);
    // Not-applicable answers lower the denominator: 4650 of 6000 → 77.50 %.
    expect(paths({ applicableMax: 6000, index: 7750 })).toEqual([]);
    // An index above 100 % is capped at 100.00.
    expect(paths({ applicableMax: 4000, index: 10_000 })).toEqual([]);
    // No denominator: no index, no classification.
    expect(totalsIssues('t', { ...good, self: 0, survey: 0, bonus: 0, penalty: 0, final: 0, applicableMax: 0, index: null, classification: null }, [], [])).toEqual([]);
  });

  it('the self column takes each survey line as anything in [0, max]', () => {
    const unknown = survey.map((s) => ({ max: s.max, points: null }));
    expect(paths({ survey: 0, final: 2250, index: 3214 }, unknown)).toEqual([]);
    expect(paths({ survey: 5000, final: 7250, applicableMax: 7000, index: 10_000 }, unknown)).toEqual([]);
    expect(paths({ survey: 5001, final: 7251, index: 10_000 }, unknown)).toEqual(['totals.x']);
  });

  it('names what does not add up', () => {
    expect(paths({ self: 1250, final: 4150, index: 5929 })).toEqual(['totals.x']);
    expect(paths({ self: 1000, survey: 0, final: 1500, index: 2143 })).toEqual(['totals.x', 'totals.x.self']);
    expect(paths({ bonus: 0, survey: 3400 })).toEqual(['totals.x.bonus']);
    expect(paths({ penalty: 0, survey: 1900 })).toEqual(['totals.x', 'totals.x.penalty']);
    expect(paths({ final: 5151, index: 7359 })).toEqual(['totals.x.final']);
    expect(paths({ applicableMax: 7001, index: 6642 })).toEqual(['totals.x.applicableMax']);
    expect(paths({ index: 6642 })).toEqual(['totals.x.index']);
    expect(paths({ final: 0, index: null })).toEqual(['totals.x.index', 'totals.x.classification']);
    expect(totalsIssues('t', { ...good, self: 0, survey: 0, bonus: 0, penalty: 0, final: 0, applicableMax: 0, index: null }, [], [])).toEqual([['t.classification', 'a classification without an index']]);
  });
});
