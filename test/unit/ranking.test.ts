import { describe, expect, it } from 'vitest';
import fc from 'fast-check';

import { errorText } from '../../shared/ipc/errors/index';
import { appraisalProblem, appraisedTotals, compareVietnamese, rankBlock, rollUp, selfTotals } from '../../shared/domain/ranking';
import type { RankingLeaf, SetRules } from '../../shared/domain/ranking';

const rules: SetRules = {
  maxTotal: 100_000,
  bonusCap: 3_000,
  penaltyCap: 5_000,
  classification: [
    { id: 'TOT', label: 'Tốt', minIndex: 9000 },
    { id: 'KHA', label: 'Khá', minIndex: 8000 },
    { id: 'YEU', label: 'Yếu', minIndex: 0 },
  ],
};

const leaves: RankingLeaf[] = [
  { nodeId: 's1', kind: 'SELF', max: 40_000, applicableMax: 40_000, self: 38_500 },
  { nodeId: 's2', kind: 'SELF', max: 27_000, applicableMax: 27_000, self: 25_125 },
  { nodeId: 'na', kind: 'SELF', max: 2_000, applicableMax: 0, self: 0 },
  { nodeId: 'x1', kind: 'SURVEY', max: 31_000, applicableMax: 31_000, self: 28_333 },
  { nodeId: 'b1', kind: 'BONUS', max: 2_000, applicableMax: 2_000, self: 2_000 },
  { nodeId: 'b2', kind: 'BONUS', max: 2_000, applicableMax: 2_000, self: 2_000 },
  { nodeId: 't1', kind: 'PENALTY', max: 2_000, applicableMax: 2_000, self: 500 },
];

describe('appraised totals (exact milli-points)', () => {
  it('without appraisal equals the self total: S + X + capped bonus − penalty, index over the applicable max', () => {
    const t = selfTotals(leaves, rules);
    expect(t.self).toBe(63_625);
    expect(t.survey).toBe(28_333);
    expect(t.bonus).toBe(4_000);
    expect(t.penalty).toBe(500);
    // 63.625 + 28.333 + min(4, 3) − 0.5 = 94.458
    expect(t.final).toBe(94_458);
    expect(t.applicableMax).toBe(98_000);
    // 94.458 / 98 = 96.3857… % → 96.39
    expect(t.index).toBe(9639);
    expect(t.classification?.id).toBe('TOT');
  });

  it('appraised values replace self scores; null keeps the self score; survey is never replaced', () => {
    const t = appraisedTotals(leaves, new Map([['s1', 30_000], ['s2', null], ['x1', 0]]), rules);
    expect(t.self).toBe(55_125);
    expect(t.survey).toBe(28_333);
    expect(t.final).toBe(55_125 + 28_333 + 3_000 - 500);
    expect(t.index).toBe(Math.round((85_958 / 98_000) * 10_000));
    expect(t.classification?.id).toBe('KHA');
  });

  it('an appraised value on an N/A node puts its max back in the denominator', () => {
    const t = appraisedTotals(leaves, new Map([['na', 0]]), rules);
    expect(t.applicableMax).toBe(100_000);
    expect(t.index).toBe(9446);
  });

  it('final is clamped to [0, maxTotal], the index to 100.00', () => {
    const full = leaves.map((l) => ({ ...l, self: l.kind === 'PENALTY' ? 0 : l.max, applicableMax: l.max }));
    expect(selfTotals(full, rules).final).toBe(100_000);
    expect(selfTotals(full, rules).index).toBe(10_000);
    const zero = leaves.map((l) => ({ ...l, self: l.kind === 'PENALTY' ? l.max : 0 }));
    expect(selfTotals(zero, rules).final).toBe(0);
  });

  it('appraisal bounds: [0, max], integers only, survey refused', () => {
    expect(appraisalProblem({ kind: 'SELF', max: 2_500 }, 2_500)).toBeNull();
    expect(appraisalProblem({ kind: 'SELF', max: 2_500 }, 0)).toBeNull();
    expect(appraisalProblem({ kind: 'SELF', max: 2_500 }, null)).toBeNull();
    const text = (r: ReturnType<typeof appraisalProblem>) => (r ? errorText(r, {}, 'vi') : null);
    expect(appraisalProblem({ kind: 'SELF', max: 2_500 }, 2_501)).toBe('APPRAISAL_OUT_OF_RANGE');
    expect(text(appraisalProblem({ kind: 'SELF', max: 2_500 }, 2_501))).toMatch(/tối đa/);
    expect(text(appraisalProblem({ kind: 'SELF', max: 2_500 }, -1))).toMatch(/từ 0/);
    expect(appraisalProblem({ kind: 'SELF', max: 2_500 }, 1.5)).toBe('APPRAISAL_NOT_EXACT');
    expect(text(appraisalProblem({ kind: 'SELF', max: 2_500 }, 1.5))).toMatch(/3 chữ số/);
    expect(appraisalProblem({ kind: 'SURVEY', max: 2_500 }, 1_000)).toBe('APPRAISAL_SURVEY');
    expect(text(appraisalProblem({ kind: 'SURVEY', max: 2_500 }, 1_000))).toMatch(/xã hội học/);
    expect(appraisalProblem({ kind: 'PENALTY', max: 1_000 }, 1_000)).toBeNull();
  });

  it('property: totals are integers and final never leaves [0, maxTotal]', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.option(fc.integer({ min: 0, max: 40_000 }))), { maxLength: 7 }), (picks) => {
        const m = new Map<string, number | null>();
        for (const [i, v] of picks) m.set(leaves[i]!.nodeId, v === null ? null : Math.min(v, leaves[i]!.max));
        const t = appraisedTotals(leaves, m, rules);
        return Number.isInteger(t.final) && t.final >= 0 && t.final <= rules.maxTotal && (t.index === null || (t.index >= 0 && t.index <= 10_000));
      }),
    );
  });
});

describe('roll-up', () => {
  it('sums children; penalties next to others are subtracted', () => {
    const tree = [
      { nodeId: 'd1', kind: 'SELF' as const, children: [{ nodeId: 'a', kind: 'SELF' as const }, { nodeId: 'b', kind: 'SELF' as const }] },
      { nodeId: 'd9', kind: 'MIXED' as const, children: [{ nodeId: 'bo', kind: 'BONUS' as const }, { nodeId: 'pe', kind: 'PENALTY' as const }] },
    ];
    const r = rollUp(tree, new Map([['a', 1_500], ['b', 250], ['bo', 1_000], ['pe', 250]]));
    expect(r.get('d1')).toBe(1_750);
    expect(r.get('d9')).toBe(750);
  });
});

describe('ranking inside a block', () => {
  it('orders by index, ties share a rank and the next rank skips, tie order by Vietnamese name', () => {
    const rows = [
      { id: '1', unitName: 'Phường Đông Hải', index: 9500 },
      { id: '2', unitName: 'Phường Dư Hàng', index: 9500 },
      { id: '3', unitName: 'Phường An Biên', index: 9617 },
      { id: '4', unitName: 'Phường Bắc An Phụ', index: 7626 },
      { id: '5', unitName: 'Phường Cát Bi', index: null },
      { id: '6', unitName: 'Phường Ân Hòa', index: 9500 },
    ];
    const r = rankBlock(rows);
    expect(r.map((x) => [x.unitName, x.rank])).toEqual([
      ['Phường An Biên', 1],
      ['Phường Ân Hòa', 2],
      ['Phường Dư Hàng', 2],
      ['Phường Đông Hải', 2],
      ['Phường Bắc An Phụ', 5],
      ['Phường Cát Bi', null],
    ]);
  });

  it('Vietnamese collation: Đ after D, base letter before its accented forms', () => {
    expect(['Đồ Sơn', 'Dương Kinh', 'Ân Thi', 'An Lão', 'Bạch Long Vĩ'].sort(compareVietnamese)).toEqual([
      'An Lão',
      'Ân Thi',
      'Bạch Long Vĩ',
      'Dương Kinh',
      'Đồ Sơn',
    ]);
  });
});
