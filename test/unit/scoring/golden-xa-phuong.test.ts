import { describe, expect, it } from 'vitest';

import { scoreAssessment } from '../../../shared/domain/scoring/index';
import type { ScorableAnswer } from '../../../shared/schemas/answers';
import { loadSampleSet } from './fixtures';
import type { GoldenDomain } from './golden';
import { expectGolden, loadExampleAnswers, methodCoverage } from './golden';
import { withManualNode } from './golden-manual';

/**
 * Golden fixtures for the xã/phường sample set (resources/indicator-sets/hp-2025-xa-phuong.json). Every
 * number is derived by hand from the set's rules (docs/indicator-sets.md): rates are exact fractions;
 * LINEAR, PIECEWISE, EXTERNAL and SURVEY round half up to a thousandth of a point; sums never round;
 * final = S + X + min(bonus, 3) − min(penalty, 5); index = final ÷ applicable max × 100 rounded half up to
 * 0,01; bands Tốt ≥ 90 · Khá ≥ 80 · Trung bình ≥ 65 · Yếu. Points in thousandths (1,5 points = 1500).
 */
const set = loadSampleSet('hp-2025-xa-phuong');
const P = 'xa25-';

describe('golden: resources/examples/hp-2025-xa-phuong-answers.json', () => {
  // Same figures as the sở example (98 % rates, 91,25 % surveys) on the xã/phường maxima.
  const domains: GoldenDomain[] = [
    {
      code: '1',
      score: 7988, // 1 + 0,5 + 0,75 + 1 + 1 + 1 + 2,738 = 7,988
      applicableMax: 10_000,
      leaves: [
        ['1.1.1', 1000, 'LEVELS «dung_han» → 1 of 1'],
        ['1.1.2', 500, 'BANDS 46/48 = 95,83 % → band ≥ 80 % → 0,5 of 1'],
        ['1.2', 750, 'COUNT_DEDUCT 1 × 0,25 → 1 − 0,25 = 0,75'],
        ['1.3', 1000, 'LEVELS «dat» → 1'],
        ['1.4', 1000, 'LEVELS «dat» → 1'],
        ['1.5', 1000, 'BANDS 49/50 = 98 % → band ≥ 95 % → 1 of 2'],
        ['1.6', 2738, 'SURVEY 91,25 % × 3 = 2,7375 → half up → 2,738'],
      ],
    },
    {
      code: '2',
      score: 5825, // 1,5 + 1,5 + 1 + 1,825 = 5,825
      applicableMax: 6000,
      leaves: [
        ['2.1', 1500, 'COUNT_DEDUCT 0 × 0,5 → 1,5'],
        ['2.2', 1500, 'LEVELS «dat» → 1,5'],
        ['2.3', 1000, 'LEVELS «dat» → 1'],
        ['2.4', 1825, 'SURVEY 91,25 % × 2 = 1,825'],
      ],
    },
    {
      code: '3',
      score: 19_469, // 1,5 + 1,5 + 2,5 + 1,671 + 2,577 + 1,463 + 1,87 + 0 + 0 + 0 + 6,388 = 19,469
      applicableMax: 25_500, // 26 − 0,5 (3.8 N/A, RESCALE)
      leaves: [
        ['3.1', 1500, 'BINARY met → 1,5'],
        ['3.2', 1500, 'LEVELS «dat» → 1,5'],
        ['3.3', 2500, 'BANDS complement: 14 late of 1000 → 98,6 % on time → band ≥ 98 % → 2,5 of 5'],
        ['3.4', 1671, 'LINEAR target 50 %: 412/986 ÷ 50 % × 2 = 1648/986 = 1,6714 → 1,671'],
        ['3.5', 2577, 'PIECEWISE 1306/2000 = 65,3 %: 1,2 + (65,3 − 50) ÷ 20 × 1,8 = 1,2 + 1,377 = 2,577'],
        ['3.6', 1463, 'LINEAR target 80 %: 702/900 = 78 % ÷ 80 % × 1,5 = 1,4625 → half up → 1,463'],
        ['3.7', 1870, 'LINEAR 935/1000 = 93,5 % × 2 = 1,87'],
        ['3.8', 0, 'N/A with reason, RESCALE → 0,5 leaves the denominator', 'NA'],
        ['3.9', 0, 'BANDS 98 % < 100 % → 0 of 1'],
        ['3.10', 0, 'BANDS 98 % < 99 % → 0 of 1'],
        ['3.11', 6388, 'SURVEY 91,25 % × 7 = 6,3875 → half up → 6,388'],
      ],
    },
    {
      code: '4',
      score: 5825, // 1,5 + 1 + 1,5 + 1,825 = 5,825
      applicableMax: 6000,
      leaves: [
        ['4.1', 1500, 'LEVELS «dat» → 1,5'],
        ['4.2', 1000, 'BINARY met → 1'],
        ['4.3', 1500, 'BINARY met → 1,5'],
        ['4.4', 1825, 'SURVEY 91,25 % × 2 = 1,825'],
      ],
    },
    {
      code: '5',
      score: 7708, // 1 + 1,47 + 2,5 + 2,738 = 7,708
      applicableMax: 8000,
      leaves: [
        ['5.1', 1000, 'BINARY met → 1'],
        ['5.2', 1470, 'LINEAR 98 % × 1,5 = 1,47'],
        ['5.3', 2500, 'COUNT_DEDUCT 0 × 1,25 → 2,5'],
        ['5.4', 2738, 'SURVEY 91,25 % × 3 = 2,738'],
      ],
    },
    {
      code: '6',
      score: 4825, // 0 + 1,5 + 1,5 + 1,825 = 4,825
      applicableMax: 5000, // 8 − 3 (6.1 N/A, RESCALE)
      leaves: [
        ['6.1', 0, 'N/A with reason, RESCALE → 3 leave the denominator', 'NA'],
        ['6.2', 1500, 'LEVELS «dat» → 1,5'],
        ['6.3', 1500, 'LEVELS «dat» → 1,5'],
        ['6.4', 1825, 'SURVEY 91,25 % × 2 = 1,825'],
      ],
    },
    {
      code: '7',
      score: 12_398, // 1,25 + 1,47 + 1,96 + 1,5 + 1 + 1,5 + 0,98 + 2,738 = 12,398
      applicableMax: 14_000,
      leaves: [
        ['7.1', 1250, 'BANDS 98 % → band ≥ 95 % → 1,25 of 2,5'],
        ['7.2', 1470, 'LINEAR 98 % × 1,5 = 1,47'],
        ['7.3', 1960, 'LINEAR 98 % × 2 = 1,96'],
        ['7.4', 1500, 'LEVELS «dat» → 1,5'],
        ['7.5', 1000, 'BINARY met → 1'],
        ['7.6', 1500, 'BINARY met → 1,5'],
        ['7.7', 980, 'LINEAR 98 % × 1 = 0,98'],
        ['7.8', 2738, 'SURVEY 91,25 % × 3 = 2,738'],
      ],
    },
    {
      code: '8',
      score: 20_282, // 4,425 + 2,94 + 9,267 + 3,65 = 20,282
      applicableMax: 22_000,
      leaves: [
        ['8.1', 4425, 'EXTERNAL 766 index 88,5/100 × 5 = 4,425'],
        ['8.2', 2940, 'LINEAR 98 % × 3 = 2,94'],
        ['8.3', 9267, 'EXTERNAL (survey part) SIPAS 92,67/100 × 10 = 9,267'],
        ['8.4', 3650, 'SURVEY 91,25 % × 4 = 3,65'],
      ],
    },
    {
      code: '9.1',
      score: 2000,
      applicableMax: 3000,
      leaves: [
        ['9.1.1', 1000, 'COUNT 1 × 1 → +1'],
        ['9.1.2', 1000, 'BINARY met → +1'],
      ],
    },
    {
      code: '9.2',
      score: 0,
      applicableMax: 5000,
      leaves: [
        ['9.2.1', 0, 'COUNT 0 × 0,5 → −0'],
        ['9.2.2', 0, 'BINARY did not happen → −0'],
        ['9.2.3', 0, 'BINARY did not happen → −0'],
        ['9.2.4', 0, 'COUNT 0 × 0,25 → −0'],
      ],
    },
  ];

  it('every leaf, domain and total matches the hand derivation', () => {
    const r = scoreAssessment(set, loadExampleAnswers('hp-2025-xa-phuong-answers.json'));
    expectGolden(set, r, P, domains);
    expect(r.byId[`${P}9`]!.score).toBe(2000);
    // X (1.6, 2.4, 3.11, 4.4, 5.4, 6.4, 7.8, 8.3, 8.4):
    //   2,738 + 1,825 + 6,388 + 1,825 + 2,738 + 1,825 + 2,738 + 9,267 + 3,65 = 32,994
    // S + X = 7,988 + 5,825 + 19,469 + 5,825 + 7,708 + 4,825 + 12,398 + 20,282 = 84,32
    // S = 84,32 − 32,994 = 51,326 of 64 − 0,5 − 3 = 60,5 applicable
    expect(r.survey).toEqual({ score: 32_994, max: 36_000, applicableMax: 36_000 });
    expect(r.self).toEqual({ score: 51_326, max: 64_000, applicableMax: 60_500 });
    expect(r.bonus).toEqual({ raw: 2000, counted: 2000, cap: 3000 });
    expect(r.penalty).toEqual({ raw: 0, counted: 0, cap: 5000 });
    // final = 84,32 + 2 = 86,32; applicable max = 100 − 3,5 = 96,5;
    // index = 86,32 ÷ 96,5 × 100 = 89,4508 → 89,45 % → Khá (80 ≤ index < 90)
    expect(r.final).toBe(86_320);
    expect(r.applicableMax).toBe(96_500);
    expect(r.index).toBe(8945);
    expect(r.classification).toEqual({ id: 'KHA', label: 'Khá' });
    expect(r.completeness).toEqual({ leaves: 52, scored: 50, na: 2, unanswered: 0, pendingSurvey: 0, invalid: 0 });
    // 7,988/10 = 79,88 · 5,825/6 = 97,083 → 97,08 · 19,469/25,5 = 76,349 → 76,35 · 97,08 · 7,708/8 = 96,35 ·
    // 4,825/5 = 96,50 · 12,398/14 = 88,557 → 88,56 · 20,282/22 = 92,191 → 92,19
    expect(r.domains.slice(0, 8).map((d) => d.index)).toEqual([7988, 9708, 7635, 9708, 9635, 9650, 8856, 9219]);
  });
});

/**
 * A hand-made xã/phường answer set that is NOT all full marks, covering every method of the set plus a
 * MANUAL score (1.4 turned into MANUAL step 0,25), 0/0 under RESCALE and under FULL_MARKS, an answer above
 * its denominator (INVALID), a rate above the PIECEWISE last point, the EXTERNAL half-up edge (7,9995 → 8),
 * a survey left pending, an unanswered leaf, penalties reaching their node maxima and a negative block 9.
 */
describe('golden: hand-made xã/phường answers, partial marks', () => {
  const manualSet = withManualNode(set, `${P}1.4`);
  const a = (code: string, inputs: ScorableAnswer['inputs']): ScorableAnswer => ({ nodeId: `${P}${code}`, inputs, notApplicable: null, explanation: 'Giải trình kèm theo số liệu.' });
  const na = (code: string): ScorableAnswer => ({ nodeId: `${P}${code}`, inputs: {}, notApplicable: { reason: 'Năm 2025 không phát sinh nhiệm vụ này.' }, explanation: '' });
  const answers: ScorableAnswer[] = [
    a('1.1.1', { levelId: 'khong' }),
    a('1.1.2', { numerator: 4, denominator: 5 }),
    a('1.2', { count: 3 }),
    a('1.3', { levelId: 'mot_phan' }),
    a('1.4', { manualPoints: 0.25 }),
    a('1.5', { numerator: 100, denominator: 100 }),
    a('1.6', { percent: 92.5 }),
    a('2.1', { count: 1 }),
    a('2.2', { levelId: 'mot_phan' }),
    a('2.3', { levelId: 'dat' }),
    // 2.4 (survey) not entered yet
    a('3.1', { met: true }),
    a('3.2', { levelId: 'khong' }),
    a('3.3', { numerator: 0, denominator: 250 }),
    a('3.4', { numerator: 1, denominator: 5 }),
    a('3.5', { numerator: 7, denominator: 8 }),
    na('3.6'),
    a('3.7', { numerator: 11, denominator: 10 }),
    a('3.8', { numerator: 0, denominator: 0 }),
    a('3.9', { numerator: 0, denominator: 0 }),
    a('3.10', { numerator: 199, denominator: 200 }),
    a('3.11', { percent: 70.125 }),
    a('4.1', { levelId: 'dat' }),
    a('4.2', { met: false }),
    a('4.3', { met: true }),
    a('4.4', { percent: 100 }),
    a('5.1', { met: true }),
    a('5.2', { percent: 87.5 }),
    a('5.3', { count: 1 }),
    a('5.4', { percent: 60 }),
    a('6.1', { numerator: 95, denominator: 100 }),
    a('6.2', { levelId: 'mot_phan' }),
    a('6.3', { levelId: 'dat' }),
    a('6.4', { percent: 88.888 }),
    a('7.1', { numerator: 95, denominator: 100 }),
    a('7.2', { numerator: 5, denominator: 6 }),
    a('7.3', { numerator: 3, denominator: 7 }),
    a('7.4', { levelId: 'mot_phan' }),
    a('7.5', { met: true }),
    a('7.6', { met: false }),
    // 7.7 not answered
    a('7.8', { percent: 81 }),
    a('8.1', { externalValue: 61.7 }),
    a('8.2', { numerator: 17, denominator: 20 }),
    a('8.3', { externalValue: 79.995 }),
    a('8.4', { percent: 45.5 }),
    a('9.1.1', { count: 2 }),
    a('9.1.2', { met: true }),
    a('9.2.1', { count: 6 }),
    a('9.2.2', { met: true }),
    a('9.2.3', { met: false }),
    a('9.2.4', { count: 8 }),
  ];

  const domains: GoldenDomain[] = [
    {
      code: '1',
      score: 6275, // 0 + 0,5 + 0,25 + 0,5 + 0,25 + 2 + 2,775 = 6,275
      applicableMax: 10_000,
      leaves: [
        ['1.1.1', 0, 'LEVELS «khong» → 0 of 1'],
        ['1.1.2', 500, 'BANDS 4/5 = 80 % exactly → band ≥ 80 % → 0,5 of 1'],
        ['1.2', 250, 'COUNT_DEDUCT 3 × 0,25 = 0,75 → 1 − 0,75 = 0,25'],
        ['1.3', 500, 'LEVELS «mot_phan» → 0,5 of 1'],
        ['1.4', 250, 'MANUAL 0,25 typed (one step) → 0,25 of 1'],
        ['1.5', 2000, 'BANDS 100/100 → band ≥ 100 % → 2 of 2'],
        ['1.6', 2775, 'SURVEY 92,5 % × 3 = 2,775'],
      ],
    },
    {
      code: '2',
      score: 2750, // 1 + 0,75 + 1 + 0 = 2,75
      applicableMax: 6000, // the pending survey 2.4 stays in the denominator
      leaves: [
        ['2.1', 1000, 'COUNT_DEDUCT 1 × 0,5 → 1,5 − 0,5 = 1'],
        ['2.2', 750, 'LEVELS «mot_phan» → 0,75 of 1,5'],
        ['2.3', 1000, 'LEVELS «dat» → 1'],
        ['2.4', 0, 'SURVEY not entered → pending, 0', 'PENDING_SURVEY'],
      ],
    },
    {
      code: '3',
      score: 17_209, // 1,5 + 0 + 5 + 0,8 + 3 + 0 + 0 + 0 + 1 + 1 + 4,909 = 17,209
      applicableMax: 24_000, // 26 − 1,5 (3.6 N/A) − 0,5 (3.8: 0/0 → N/A), both RESCALE; 3.9 FULL_MARKS stays in
      leaves: [
        ['3.1', 1500, 'BINARY met → 1,5'],
        ['3.2', 0, 'LEVELS «khong» → 0 of 1,5'],
        ['3.3', 5000, 'BANDS complement: 0 late of 250 → 100 % on time → band ≥ 100 % → 5 of 5'],
        ['3.4', 800, 'LINEAR target 50 %: 1/5 = 20 % ÷ 50 % × 2 = 0,8'],
        ['3.5', 3000, 'PIECEWISE 7/8 = 87,5 % above the last point 70 % → 3'],
        ['3.6', 0, 'N/A with reason, RESCALE → 1,5 leaves the denominator', 'NA'],
        ['3.7', 0, 'LINEAR 11 > 10: numerator above denominator → INVALID, 0 (a problem to fix)', 'INVALID'],
        ['3.8', 0, 'BANDS 0/0, zeroDenominator NA → policy RESCALE → N/A, 0,5 leaves the denominator', 'NA'],
        ['3.9', 1000, 'BANDS 0/0, zeroDenominator NA → policy FULL_MARKS → 1 of 1', 'NA'],
        ['3.10', 1000, 'BANDS 199/200 = 99,5 % → band ≥ 99 % → 1'],
        ['3.11', 4909, 'SURVEY 70,125 % × 7 = 4,90875 → half up → 4,909'],
      ],
    },
    {
      code: '4',
      score: 5000, // 1,5 + 0 + 1,5 + 2
      applicableMax: 6000,
      leaves: [
        ['4.1', 1500, 'LEVELS «dat» → 1,5'],
        ['4.2', 0, 'BINARY not met → 0 of 1'],
        ['4.3', 1500, 'BINARY met → 1,5'],
        ['4.4', 2000, 'SURVEY 100 % × 2 = 2'],
      ],
    },
    {
      code: '5',
      score: 5363, // 1 + 1,313 + 1,25 + 1,8 = 5,363
      applicableMax: 8000,
      leaves: [
        ['5.1', 1000, 'BINARY met → 1'],
        ['5.2', 1313, 'LINEAR percent 87,5 typed × 1,5 = 1,3125 → half up → 1,313'],
        ['5.3', 1250, 'COUNT_DEDUCT 1 × 1,25 → 2,5 − 1,25 = 1,25'],
        ['5.4', 1800, 'SURVEY 60 % × 3 = 1,8'],
      ],
    },
    {
      code: '6',
      score: 5528, // 1,5 + 0,75 + 1,5 + 1,778 = 5,528
      applicableMax: 8000,
      leaves: [
        ['6.1', 1500, 'BANDS 95/100 = 95 % → band ≥ 95 % → 1,5 of 3'],
        ['6.2', 750, 'LEVELS «mot_phan» → 0,75 of 1,5'],
        ['6.3', 1500, 'LEVELS «dat» → 1,5'],
        ['6.4', 1778, 'SURVEY 88,888 % × 2 = 1,77776 → half up → 1,778'],
      ],
    },
    {
      code: '7',
      score: 7537, // 1,25 + 1,25 + 0,857 + 0,75 + 1 + 0 + 0 + 2,43 = 7,537
      applicableMax: 14_000, // the unanswered 7.7 stays in the denominator
      leaves: [
        ['7.1', 1250, 'BANDS 95/100 → band ≥ 95 % → 1,25 of 2,5'],
        ['7.2', 1250, 'LINEAR 5/6 × 1,5 = 1,25 exactly'],
        ['7.3', 857, 'LINEAR 3/7 × 2 = 0,857142… → 0,857'],
        ['7.4', 750, 'LEVELS «mot_phan» → 0,75 of 1,5'],
        ['7.5', 1000, 'BINARY met → 1'],
        ['7.6', 0, 'BINARY not met → 0 of 1,5'],
        ['7.7', 0, 'no answer → 0, still in the denominator', 'UNANSWERED'],
        ['7.8', 2430, 'SURVEY 81 % × 3 = 2,43'],
      ],
    },
    {
      code: '8',
      score: 15_455, // 3,085 + 2,55 + 8 + 1,82 = 15,455
      applicableMax: 22_000,
      leaves: [
        ['8.1', 3085, 'EXTERNAL 61,7/100 × 5 = 3,085'],
        ['8.2', 2550, 'LINEAR 17/20 = 85 % × 3 = 2,55'],
        ['8.3', 8000, 'EXTERNAL 79,995/100 × 10 = 7,9995 → half up → 8'],
        ['8.4', 1820, 'SURVEY 45,5 % × 4 = 1,82'],
      ],
    },
    {
      code: '9.1',
      score: 3000, // 2 + 1
      applicableMax: 3000,
      leaves: [
        ['9.1.1', 2000, 'COUNT bonus 2 × 1 = 2 (node max 2)'],
        ['9.1.2', 1000, 'BINARY bonus met → +1'],
      ],
    },
    {
      code: '9.2',
      score: 4000, // 2 + 0,5 + 0 + 1,5
      applicableMax: 5000,
      leaves: [
        ['9.2.1', 2000, 'COUNT penalty 6 × 0,5 = 3 → min(node max 2, 3) = −2'],
        ['9.2.2', 500, 'BINARY penalty happened → −0,5'],
        ['9.2.3', 0, 'BINARY penalty did not happen → −0'],
        ['9.2.4', 1500, 'COUNT penalty 8 × 0,25 = 2 → min(node max 1,5, 2) = −1,5'],
      ],
    },
  ];

  it('every leaf, domain and total matches the hand derivation', () => {
    // Every method of the set is answered at least once (MANUAL only exists in the modified set).
    expect(methodCoverage(manualSet, answers)).toEqual({
      inSet: ['BANDS', 'BINARY', 'COUNT', 'COUNT_DEDUCT', 'EXTERNAL', 'LEVELS', 'LINEAR', 'MANUAL', 'PIECEWISE', 'SURVEY'],
      answered: ['BANDS', 'BINARY', 'COUNT', 'COUNT_DEDUCT', 'EXTERNAL', 'LEVELS', 'LINEAR', 'MANUAL', 'PIECEWISE', 'SURVEY'],
    });
    const r = scoreAssessment(manualSet, answers);
    expectGolden(manualSet, r, P, domains);
    expect(r.byId[`${P}9`]!.score).toBe(-1000); // bonus 3 − penalty 4
    expect(r.byId[`${P}9`]!.index).toBe(0); // a negative block scores index 0, not a negative index
    // X = 2,775 + 0 (2.4 pending) + 4,909 + 2 + 1,8 + 1,778 + 2,43 + 8 + 1,82 = 25,512 of 36 (pending stays in)
    // S + X = 6,275 + 2,75 + 17,209 + 5 + 5,363 + 5,528 + 7,537 + 15,455 = 65,117
    // S = 65,117 − 25,512 = 39,605 of 64 − 1,5 − 0,5 = 62 applicable
    expect(r.survey).toEqual({ score: 25_512, max: 36_000, applicableMax: 36_000 });
    expect(r.self).toEqual({ score: 39_605, max: 64_000, applicableMax: 62_000 });
    expect(r.bonus).toEqual({ raw: 3000, counted: 3000, cap: 3000 });
    expect(r.penalty).toEqual({ raw: 4000, counted: 4000, cap: 5000 });
    // final = 65,117 + 3 − 4 = 64,117; applicable max = 100 − 2 = 98;
    // index = 64,117 ÷ 98 × 100 = 65,4255… → 65,43 % → Trung bình (65 ≤ index < 80)
    expect(r.final).toBe(64_117);
    expect(r.applicableMax).toBe(98_000);
    expect(r.index).toBe(6543);
    expect(r.classification).toEqual({ id: 'TRUNG_BINH', label: 'Trung bình' });
    // NA: 3.6, 3.8, 3.9 · pending: 2.4 · unanswered: 7.7 · invalid: 3.7 · scored: 52 − 6 = 46
    expect(r.completeness).toEqual({ leaves: 52, scored: 46, na: 3, unanswered: 1, pendingSurvey: 1, invalid: 1 });
    expect(r.domains.map((d) => d.status)).toEqual(['SCORED', 'PENDING_SURVEY', 'INVALID', 'SCORED', 'SCORED', 'SCORED', 'UNANSWERED', 'SCORED', 'SCORED']);
    expect(r.nodes.filter((n) => n.problems.length).map((n) => n.code)).toEqual(['3.7']);
  });
});
