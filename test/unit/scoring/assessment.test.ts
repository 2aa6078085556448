import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { leaves } from '../../../shared/domain/indicator-tree';
import { scoreAssessment, scoreNode } from '../../../shared/domain/scoring/index';
import type { ScorableAnswer } from '../../../shared/schemas/answers';
import type { IndicatorNode, IndicatorSet } from '../../../shared/schemas/indicator-set';
import { ans, leaf, loadSampleSet } from './fixtures';

const so = loadSampleSet('hp-2025-so');
const xa = loadSampleSet('hp-2025-xa-phuong');

/** An answer that earns full marks on any method (for building scenarios). */
const fullAnswer = (n: IndicatorNode): ScorableAnswer => {
  const m = n.method!;
  const base = { nodeId: n.id, notApplicable: null, explanation: '' };
  switch (m.type) {
    case 'BINARY':
      return { ...base, inputs: { met: n.kind !== 'PENALTY' } };
    case 'LEVELS':
      return { ...base, inputs: { levelId: [...m.levels].sort((a, b) => b.points - a.points)[0]!.id } };
    case 'BANDS':
    case 'LINEAR':
    case 'PIECEWISE':
      return { ...base, inputs: m.complement ? { numerator: 0, denominator: 10 } : { numerator: 10, denominator: 10 } };
    case 'COUNT_DEDUCT':
      return { ...base, inputs: { count: 0 } };
    case 'COUNT':
      return { ...base, inputs: { count: n.kind === 'PENALTY' ? 0 : 100 } };
    case 'EXTERNAL':
      return { ...base, inputs: { externalValue: m.scaleMax } };
    case 'MANUAL':
      return { ...base, inputs: { manualPoints: n.maxPoints } };
    case 'SURVEY':
      return { ...base, inputs: { percent: 100 } };
  }
};

describe('roll-ups on the sample sets', () => {
  it.each([
    ['hp-2025-so', so, 67_000, 33_000],
    ['hp-2025-xa-phuong', xa, 64_000, 36_000],
  ] as const)('%s: S + X = 100, full answers give 100,00 % and Tốt', (_id, set, s, x) => {
    const empty = scoreAssessment(set, []);
    expect([empty.self.max, empty.survey.max, empty.maxTotal]).toEqual([s, x, 100_000]);
    const full = scoreAssessment(set, leaves(set).map(fullAnswer));
    expect(full.self.score).toBe(s);
    expect(full.survey.score).toBe(x);
    expect(full.bonus.counted).toBe(3000);
    expect(full.final).toBe(100_000); // min(100, 100 + 3)
    expect(full.index).toBe(10_000);
    expect(full.classification?.label).toBe('Tốt');
    expect(full.completeness.scored).toBe(full.completeness.leaves);
  });

  it('domain-doc N/A rule: index = total ÷ (100 − Σmax_NA) × 100', () => {
    const answers = leaves(so).map(fullAnswer);
    const na = (id: string): ScorableAnswer => ({ nodeId: id, inputs: {}, notApplicable: { reason: 'Không phát sinh' }, explanation: '' });
    const withNa = answers.map((a) => (a.nodeId === 'so25-6.1' ? na(a.nodeId) : a.nodeId === 'so25-3.3' ? { ...a, inputs: { numerator: 20, denominator: 1000 } } : a));
    const bonusless = withNa.filter((a) => !a.nodeId.startsWith('so25-9.'));
    const r = scoreAssessment(so, bonusless);
    // 100 − 2,5 (6.1 N/A) − 2 (3.3 at 98 %) = 95,5 of 97,5 applicable → 97,948… → 97,95
    expect(r.applicableMax).toBe(97_500);
    expect(r.final).toBe(95_500);
    expect(r.index).toBe(9795);
    expect(r.byId['so25-6']!.applicableMax).toBe(5500);
    expect(r.byId['so25-6']!.status).toBe('SCORED');
  });

  it('bonus and penalty are capped at the set level; final never exceeds maxTotal or drops below 0', () => {
    const answers = leaves(so).map(fullAnswer);
    const penalties = answers.map((a) =>
      a.nodeId === 'so25-9.2.1' ? { ...a, inputs: { count: 10 } } : a.nodeId === 'so25-9.2.4' ? { ...a, inputs: { count: 10 } } : a.nodeId === 'so25-9.2.2' || a.nodeId === 'so25-9.2.3' ? { ...a, inputs: { met: true } } : a,
    );
    const r = scoreAssessment(so, penalties);
    expect(r.penalty).toEqual({ raw: 5000, counted: 5000, cap: 5000 });
    expect(r.final).toBe(98_000); // 100 + 3 − 5
    expect(r.byId['so25-9.2']!.score).toBe(5000);
    expect(r.byId['so25-9']!.score).toBe(-2000); // block 9 shows bonus − penalty
  });

  it('classification bands are inclusive at their lower edge', () => {
    const set: IndicatorSet = {
      ...so,
      nodes: [{ ...so.nodes[0]!, maxPoints: 100, children: [{ ...leaf({ id: 'a', code: '1.1', maxPoints: 100, method: { type: 'MANUAL', step: 0.01 } }) }] }],
      bonusCap: 0,
      penaltyCap: 0,
    };
    const at = (p: number) => scoreAssessment(set, [{ ...ans({ manualPoints: p }), nodeId: 'a' }]).classification?.id;
    expect([at(90), at(89.99), at(80), at(65), at(64.99), at(0)]).toEqual(['TOT', 'KHA', 'KHA', 'TRUNG_BINH', 'YEU', 'YEU']);
  });
});

describe('properties (fast-check)', () => {
  const all = [...leaves(so), ...leaves(xa)];
  const rateLeaves = all.filter((n) => n.method && ['BANDS', 'LINEAR', 'PIECEWISE'].includes(n.method.type));

  it('0 ≤ score ≤ max for every node and any well-formed inputs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...all),
        fc.record({
          numerator: fc.nat(1000),
          extra: fc.nat(1000),
          percent: fc.integer({ min: 0, max: 100_000 }).map((v) => v / 1000),
          count: fc.nat(50),
          met: fc.boolean(),
          externalValue: fc.integer({ min: 0, max: 200_000 }).map((v) => v / 1000),
          levelIx: fc.nat(5),
          usePercent: fc.boolean(),
        }),
        (node, r) => {
          const m = node.method!;
          const inputs: ScorableAnswer['inputs'] = r.usePercent
            ? { percent: r.percent }
            : { numerator: r.numerator, denominator: r.numerator + r.extra };
          Object.assign(inputs, { count: r.count, met: r.met, externalValue: r.externalValue });
          if (m.type === 'LEVELS') inputs.levelId = m.levels[r.levelIx % m.levels.length]!.id;
          const s = scoreNode(node, ans(inputs, { nodeId: node.id }));
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(s.max);
          expect(Number.isInteger(s.score)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a higher rate never lowers a ratio score', () => {
    fc.assert(
      fc.property(fc.constantFrom(...rateLeaves), fc.nat(100_000), fc.nat(100_000), (node, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const m = node.method as { complement?: boolean };
        // For complemented rates the numerator counts failures: fewer failures = higher rate.
        const input = (v: number) => (m.complement ? { numerator: 100_000 - v, denominator: 100_000 } : { numerator: v, denominator: 100_000 });
        expect(scoreNode(node, ans(input(hi))).score).toBeGreaterThanOrEqual(scoreNode(node, ans(input(lo))).score);
      }),
      { numRuns: 3000 },
    );
  });

  const randomAnswers = (set: IndicatorSet) =>
    fc.array(fc.tuple(fc.nat(1000), fc.nat(1000), fc.boolean(), fc.boolean()), { minLength: leaves(set).length, maxLength: leaves(set).length }).map((xs) =>
      leaves(set).map((n, i): ScorableAnswer => {
        const [p, q, na, skip] = xs[i]!;
        const full = fullAnswer(n);
        if (na && n.naPolicy !== 'NOT_ALLOWED') return { ...full, notApplicable: { reason: 'Không phát sinh' } };
        if (skip) return { ...full, inputs: { percent: Math.min(100, p / 10), count: q % 5, met: p % 2 === 0, externalValue: q / 10, levelId: (n.method?.type === 'LEVELS' ? n.method.levels[p % n.method.levels.length]!.id : undefined) } };
        return full;
      }),
    );

  it('every container total equals the sum of its children; index never exceeds 100 with rescaled N/A', () => {
    for (const set of [so, xa]) {
      fc.assert(
        fc.property(randomAnswers(set), (answers) => {
          const r = scoreAssessment(set, answers);
          const check = (n: IndicatorNode) => {
            if (!n.children?.length) return;
            const kids = n.children.map((c) => r.byId[c.id]!);
            const hasOthers = kids.some((k) => k.kind !== 'PENALTY');
            const sum = kids.reduce((s, k) => s + (hasOthers && k.kind === 'PENALTY' ? -k.score : k.score), 0);
            expect(r.byId[n.id]!.score).toBe(sum);
            n.children.forEach(check);
          };
          set.nodes.forEach(check);
          expect(r.self.score + r.survey.score).toBe(r.domains.filter((d) => d.kind !== 'PENALTY').reduce((s, d) => s + d.score, 0) - r.byId[set.nodes.at(-1)!.id]!.score);
          if (r.index !== null) expect(r.index).toBeLessThanOrEqual(10_000);
          expect(r.final).toBeLessThanOrEqual(r.maxTotal);
          expect(r.final).toBeGreaterThanOrEqual(0);
        }),
        { numRuns: 300 },
      );
    }
  });
});
