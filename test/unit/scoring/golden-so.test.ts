import { describe, expect, it } from 'vitest';

import { scoreAssessment, scoreProblemText } from '../../../shared/domain/scoring/index';
import type { ScorableAnswer } from '../../../shared/schemas/answers';
import { loadSampleSet } from './fixtures';
import type { GoldenDomain } from './golden';
import { expectGolden, loadExampleAnswers, methodCoverage } from './golden';
import { withManualNode } from './golden-manual';

/**
 * Golden fixtures for the sở sample set (resources/indicator-sets/hp-2025-so.json). Every number below is
 * derived by hand from the set's rules (docs/indicator-sets.md, "Scoring methods" and "Exact arithmetic"):
 *   rates are exact fractions; LINEAR, PIECEWISE, EXTERNAL and SURVEY round half up to a thousandth of a
 *   point; sums never round; final = S + X + min(bonus, 3) − min(penalty, 5); index = final ÷ applicable
 *   max × 100 rounded half up to 0,01; bands Tốt ≥ 90 · Khá ≥ 80 · Trung bình ≥ 65 · Yếu.
 * Points are written in thousandths (1,5 points = 1500).
 */
const set = loadSampleSet('hp-2025-so');
const P = 'so25-';

describe('golden: resources/examples/hp-2025-so-answers.json', () => {
  // The example answers most rates with 49/50 = 98 % and every survey node with 91,25 %.
  const domains: GoldenDomain[] = [
    {
      code: '1',
      score: 9488, // 1 + 0,5 + 0,75 + 0,5 + 0,5 + 0 + 1 + 1 + 1,5 + 2,738 = 9,488
      applicableMax: 11_500, // 12 − 0,5 (1.3.3 N/A, RESCALE)
      leaves: [
        ['1.1.1', 1000, 'LEVELS «dung_han» → 1 of 1'],
        ['1.1.2', 500, 'BANDS 46/48 = 95,83 % → band ≥ 80 % → 0,5 of 1'],
        ['1.2', 750, 'COUNT_DEDUCT 1 late report × 0,25 → 1 − 0,25 = 0,75'],
        ['1.3.1', 500, 'BINARY met → 0,5 of 0,5'],
        ['1.3.2', 500, 'BANDS 49/50 = 98 % → band ≥ 50 % → 0,5 of 0,5'],
        ['1.3.3', 0, 'N/A with reason, naPolicy RESCALE → 0 and its 0,5 leaves the denominator', 'NA'],
        ['1.4', 1000, 'LEVELS «du» → 1 of 1'],
        ['1.5', 1000, 'BANDS 49/50 = 98 % → band ≥ 95 % (not 100 %) → 1 of 2'],
        ['1.6', 1500, 'LEVELS «tp» → 1,5 of 1,5'],
        ['1.7', 2738, 'SURVEY 91,25 % × 3 = 2,7375 → half up → 2,738'],
      ],
    },
    {
      code: '2',
      score: 7735, // 1,96 + 0,5 + 0,98 + 1 + 1,47 + 1,825 = 7,735
      applicableMax: 8000,
      leaves: [
        ['2.1', 1960, 'LINEAR 49/50 = 98 % ÷ 100 % × 2 = 1,96'],
        ['2.2.1', 500, 'BINARY met → 0,5'],
        ['2.2.2', 980, 'LINEAR 98 % × 1 = 0,98'],
        ['2.3', 1000, 'LEVELS «dat» → 1'],
        ['2.4', 1470, 'LINEAR 98 % × 1,5 = 1,47'],
        ['2.5', 1825, 'SURVEY 91,25 % × 2 = 1,825'],
      ],
    },
    {
      code: '3',
      score: 16_243, // 1 + 1 + 0,5 + 2 + 1,254 + 2,148 + 1,463 + 1,403 + 0 + 0 + 0 + 5,475 = 16,243
      applicableMax: 21_500, // 22 − 0,5 (3.8 N/A, RESCALE)
      leaves: [
        ['3.1.1', 1000, 'BINARY met → 1'],
        ['3.1.2', 1000, 'BINARY met → 1'],
        ['3.2', 500, 'BANDS 98 % → band ≥ 50 % → 0,5 of 1'],
        ['3.3', 2000, 'BANDS complement: 14 late of 1000 → on time 986/1000 = 98,6 % → band ≥ 98 % → 2 of 4'],
        ['3.4', 1254, 'LINEAR target 50 %: 412/986 ÷ 50 % × 1,5 = 1236/986 = 1,25355 → half up → 1,254'],
        ['3.5', 2148, 'PIECEWISE 1306/2000 = 65,3 %: 1 + (65,3 − 50) ÷ 20 × 1,5 = 1 + 1,1475 = 2,1475 → half up → 2,148'],
        ['3.6', 1463, 'LINEAR target 80 %: 702/900 = 78 % ÷ 80 % × 1,5 = 1,4625 → half up → 1,463'],
        ['3.7', 1403, 'LINEAR 935/1000 = 93,5 % × 1,5 = 1,4025 → half up → 1,403'],
        ['3.8', 0, 'N/A with reason, RESCALE → 0 and its 0,5 leaves the denominator', 'NA'],
        ['3.9', 0, 'BANDS 98 % < 100 % (only band) → 0 of 1 (FULL_MARKS applies to N/A only, not to a low rate)'],
        ['3.10', 0, 'BANDS 98 % < 99 % → 0 of 0,5'],
        ['3.11', 5475, 'SURVEY 91,25 % × 6 = 5,475'],
      ],
    },
    {
      code: '4',
      score: 6825, // 1,5 + 1 + 1 + 0,5 + 1 + 1,825 = 6,825
      applicableMax: 7000,
      leaves: [
        ['4.1', 1500, 'LEVELS «dat» → 1,5'],
        ['4.2', 1000, 'BINARY met → 1'],
        ['4.3.1', 1000, 'BINARY met → 1'],
        ['4.3.2', 500, 'BINARY met → 0,5'],
        ['4.4', 1000, 'LEVELS «dat» → 1'],
        ['4.5', 1825, 'SURVEY 91,25 % × 2 = 1,825'],
      ],
    },
    {
      code: '5',
      score: 8718, // 1 + 1,5 + 1 + 0,98 + 1,5 + 2,738 = 8,718
      applicableMax: 9000,
      leaves: [
        ['5.1', 1000, 'BINARY met → 1'],
        ['5.2', 1500, 'COUNT_DEDUCT 0 × 0,5 → 1,5'],
        ['5.3', 1000, 'BINARY met → 1'],
        ['5.4', 980, 'LINEAR 98 % × 1 = 0,98'],
        ['5.5', 1500, 'COUNT_DEDUCT 0 × 0,75 → 1,5'],
        ['5.6', 2738, 'SURVEY 91,25 % × 3 = 2,7375 → 2,738'],
      ],
    },
    {
      code: '6',
      score: 4325, // 0 + 1 + 1 + 0 + 0,5 + 1,825 = 4,325
      applicableMax: 4500, // 8 − 2,5 (6.1) − 1 (6.4), both N/A under RESCALE
      leaves: [
        ['6.1', 0, 'N/A with reason, RESCALE → 2,5 leaves the denominator', 'NA'],
        ['6.2', 1000, 'BINARY met → 1'],
        ['6.3', 1000, 'BINARY met → 1'],
        ['6.4', 0, 'N/A with reason, RESCALE → 1 leaves the denominator', 'NA'],
        ['6.5', 500, 'BINARY met → 0,5'],
        ['6.6', 1825, 'SURVEY 91,25 % × 2 = 1,825'],
      ],
    },
    {
      code: '7',
      score: 12_378, // 1,25 + 1,47 + 0,98 + 1 + 1,47 + 1,47 + 1 + 1 + 2,738 = 12,378
      applicableMax: 14_000,
      leaves: [
        ['7.1', 1250, 'BANDS 98 % → band ≥ 95 % → 1,25 of 2,5'],
        ['7.2', 1470, 'LINEAR 98 % × 1,5 = 1,47'],
        ['7.3', 980, 'LINEAR 98 % × 1 = 0,98'],
        ['7.4', 1000, 'LEVELS «dat» → 1'],
        ['7.5', 1470, 'LINEAR 98 % × 1,5 = 1,47'],
        ['7.6', 1470, 'LINEAR 98 % × 1,5 = 1,47'],
        ['7.7', 1000, 'BINARY met → 1'],
        ['7.8', 1000, 'BINARY met → 1'],
        ['7.9', 2738, 'SURVEY 91,25 % × 3 = 2,738'],
      ],
    },
    {
      code: '8',
      score: 18_429, // 4,425 + 2,94 + 7,414 + 3,65 = 18,429
      applicableMax: 20_000,
      leaves: [
        ['8.1', 4425, 'EXTERNAL 766 index 88,5/100 × 5 = 4,425'],
        ['8.2', 2940, 'LINEAR 98 % × 3 = 2,94'],
        ['8.3', 7414, 'EXTERNAL (survey part) SIPAS 92,67/100 × 8 = 7,4136 → half up → 7,414'],
        ['8.4', 3650, 'SURVEY 91,25 % × 4 = 3,65'],
      ],
    },
    {
      code: '9.1',
      score: 2000, // bonus 1 + 1 = 2
      applicableMax: 3000,
      leaves: [
        ['9.1.1', 1000, 'COUNT 1 × 1 → +1 (node max 2)'],
        ['9.1.2', 1000, 'BINARY met → +1'],
      ],
    },
    {
      code: '9.2',
      score: 0, // no penalty
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
    const r = scoreAssessment(set, loadExampleAnswers('hp-2025-so-answers.json'));
    expectGolden(set, r, P, domains);
    expect(r.byId[`${P}9`]!.score).toBe(2000); // block 9 shows bonus − penalty = 2 − 0
    // X (survey leaves 1.7, 2.5, 3.11, 4.5, 5.6, 6.6, 7.9, 8.3, 8.4):
    //   2,738 + 1,825 + 5,475 + 1,825 + 2,738 + 1,825 + 2,738 + 7,414 + 3,65 = 30,228
    // S + X = Σ domains 1–8 = 9,488 + 7,735 + 16,243 + 6,825 + 8,718 + 4,325 + 12,378 + 18,429 = 84,141
    // S = 84,141 − 30,228 = 53,913 of 67 − 0,5 − 0,5 − 2,5 − 1 = 62,5 applicable
    expect(r.survey).toEqual({ score: 30_228, max: 33_000, applicableMax: 33_000 });
    expect(r.self).toEqual({ score: 53_913, max: 67_000, applicableMax: 62_500 });
    expect(r.bonus).toEqual({ raw: 2000, counted: 2000, cap: 3000 });
    expect(r.penalty).toEqual({ raw: 0, counted: 0, cap: 5000 });
    // final = 84,141 + 2 − 0 = 86,141; applicable max = 100 − 4,5 = 95,5;
    // index = 86,141 ÷ 95,5 × 100 = 90,2 exactly (95,5 × 0,902 = 86,141) → 90,20 % → Tốt (≥ 90)
    expect(r.final).toBe(86_141);
    expect(r.applicableMax).toBe(95_500);
    expect(r.index).toBe(9020);
    expect(r.classification).toEqual({ id: 'TOT', label: 'Tốt' });
    expect(r.completeness).toEqual({ leaves: 65, scored: 61, na: 4, unanswered: 0, pendingSurvey: 0, invalid: 0 });
    // Domain indices = score ÷ applicable max, hundredths of a percent, half up:
    // 9,488/11,5 = 82,504 → 82,50 · 7,735/8 = 96,6875 → 96,69 · 16,243/21,5 = 75,549 → 75,55 · 6,825/7 = 97,50 ·
    // 8,718/9 = 96,867 → 96,87 · 4,325/4,5 = 96,111 → 96,11 · 12,378/14 = 88,414 → 88,41 · 18,429/20 = 92,145 → 92,15
    expect(r.domains.slice(0, 8).map((d) => d.index)).toEqual([8250, 9669, 7555, 9750, 9687, 9611, 8841, 9215]);
  });
});

/**
 * A hand-made answer set that is NOT all full marks. It exercises every method of the set (LEVELS, BANDS
 * with and without complement, BINARY, COUNT_DEDUCT down to its floor, LINEAR with targets 100/80/50 and
 * the cap, PIECEWISE below its first point, EXTERNAL above its scale, SURVEY, COUNT bonus/penalty up to the
 * node max) plus: a MANUAL score (node 1.4 turned into MANUAL step 0,25, golden-manual.ts), percent typed
 * directly, exact band edges (19/20 = 95 %, 1/2 = 50 %, 94,999 % just below), 0/0 on a RESCALE node, N/A
 * under RESCALE and FULL_MARKS, a survey node left pending and an unanswered leaf.
 */
describe('golden: hand-made sở answers, partial marks', () => {
  const manualSet = withManualNode(set, `${P}1.4`);
  const a = (code: string, inputs: ScorableAnswer['inputs'], explanation = 'Giải trình kèm theo số liệu.'): ScorableAnswer => ({ nodeId: `${P}${code}`, inputs, notApplicable: null, explanation });
  const na = (code: string): ScorableAnswer => ({ nodeId: `${P}${code}`, inputs: {}, notApplicable: { reason: 'Năm 2025 không phát sinh nhiệm vụ này.' }, explanation: '' });
  const answers: ScorableAnswer[] = [
    a('1.1.1', { levelId: 'cham' }, ''), // below max without an explanation: the one expected problem
    a('1.1.2', { numerator: 9, denominator: 10 }),
    a('1.2', { count: 5 }),
    a('1.3.1', { met: false }),
    a('1.3.2', { numerator: 1, denominator: 3 }),
    a('1.3.3', { numerator: 0, denominator: 0 }),
    a('1.4', { manualPoints: 0.75 }),
    a('1.5', { numerator: 19, denominator: 20 }),
    a('1.6', { levelId: 'don_vi' }),
    // 1.7 (survey) not entered yet
    a('2.1', { percent: 62.5 }),
    a('2.2.1', { met: true }),
    na('2.2.2'),
    a('2.3', { levelId: 'mot_phan' }),
    a('2.4', { numerator: 2, denominator: 3 }),
    a('2.5', { percent: 80 }),
    a('3.1.1', { met: true }),
    a('3.1.2', { met: false }),
    a('3.2', { numerator: 1, denominator: 2 }),
    a('3.3', { numerator: 3, denominator: 60 }),
    a('3.4', { numerator: 300, denominator: 500 }),
    a('3.5', { numerator: 45, denominator: 100 }),
    a('3.6', { numerator: 1, denominator: 3 }),
    a('3.7', { numerator: 1, denominator: 7 }),
    na('3.8'),
    na('3.9'),
    a('3.10', { numerator: 99, denominator: 100 }),
    a('3.11', { percent: 85.5 }),
    a('4.1', { levelId: 'khong' }),
    a('4.2', { met: true }),
    a('4.3.1', { met: true }),
    // 4.3.2 not answered
    a('4.4', { levelId: 'mot_phan' }),
    a('4.5', { percent: 33.333 }),
    a('5.1', { met: true }),
    a('5.2', { count: 2 }),
    a('5.3', { met: false }),
    a('5.4', { numerator: 999, denominator: 1000 }),
    a('5.5', { count: 1 }),
    a('5.6', { percent: 90 }),
    a('6.1', { numerator: 96, denominator: 100 }),
    a('6.2', { met: true }),
    a('6.3', { met: true }),
    a('6.4', { levelId: 'mot_phan' }),
    na('6.5'),
    a('6.6', { percent: 75 }),
    a('7.1', { percent: 94.999 }),
    a('7.2', { numerator: 1, denominator: 8 }),
    a('7.3', { numerator: 1, denominator: 3 }),
    a('7.4', { levelId: 'dat' }),
    a('7.5', { numerator: 100, denominator: 100 }),
    a('7.6', { numerator: 0, denominator: 10 }),
    a('7.7', { met: true }),
    a('7.8', { met: false }),
    a('7.9', { percent: 66.667 }),
    a('8.1', { externalValue: 72.35 }),
    a('8.2', { numerator: 4, denominator: 5 }),
    a('8.3', { externalValue: 104 }),
    a('8.4', { percent: 50 }),
    a('9.1.1', { count: 3 }),
    a('9.1.2', { met: true }),
    a('9.2.1', { count: 3 }),
    a('9.2.2', { met: true }),
    a('9.2.3', { met: false }),
    a('9.2.4', { count: 2 }),
  ];

  const domains: GoldenDomain[] = [
    {
      code: '1',
      score: 3500, // 0,5 + 0,5 + 0 + 0 + 0 + 0 + 0,75 + 1 + 0,75 + 0 = 3,5
      applicableMax: 11_500, // 12 − 0,5 (1.3.3: 0/0 → N/A → RESCALE); the pending survey 1.7 stays in
      leaves: [
        ['1.1.1', 500, 'LEVELS «cham» → 0,5 of 1'],
        ['1.1.2', 500, 'BANDS 9/10 = 90 % → band ≥ 80 % → 0,5 of 1'],
        ['1.2', 0, 'COUNT_DEDUCT 5 × 0,25 = 1,25 > 1 → floor at 0'],
        ['1.3.1', 0, 'BINARY not met → 0 of 0,5'],
        ['1.3.2', 0, 'BANDS 1/3 = 33,3 % < 50 % → otherwise 0'],
        ['1.3.3', 0, 'LINEAR 0/0 with zeroDenominator NA → the node\'s policy RESCALE → N/A, 0,5 leaves the denominator', 'NA'],
        ['1.4', 750, 'MANUAL 0,75 typed, a multiple of the step 0,25, ≤ 1 → 0,75'],
        ['1.5', 1000, 'BANDS 19/20 = 95 % exactly → band ≥ 95 % (inclusive) → 1 of 2'],
        ['1.6', 750, 'LEVELS «don_vi» → 0,75 of 1,5'],
        ['1.7', 0, 'SURVEY not entered → pending, 0, its 3 stay in the denominator', 'PENDING_SURVEY'],
      ],
    },
    {
      code: '2',
      score: 4850, // 1,25 + 0,5 + 0 + 0,5 + 1 + 1,6 = 4,85
      applicableMax: 7000, // 8 − 1 (2.2.2 N/A, RESCALE)
      leaves: [
        ['2.1', 1250, 'LINEAR percent 62,5 typed × 2 = 1,25'],
        ['2.2.1', 500, 'BINARY met → 0,5'],
        ['2.2.2', 0, 'N/A with reason, RESCALE → 1 leaves the denominator', 'NA'],
        ['2.3', 500, 'LEVELS «mot_phan» → 0,5 of 1'],
        ['2.4', 1000, 'LINEAR 2/3 × 1,5 = 1 exactly (the rate stays a fraction)'],
        ['2.5', 1600, 'SURVEY 80 % × 2 = 1,6'],
      ],
    },
    {
      code: '3',
      score: 11_469, // 1 + 0 + 0,5 + 1 + 1,5 + 0 + 0,625 + 0,214 + 0 + 1 + 0,5 + 5,13 = 11,469
      applicableMax: 21_500, // 22 − 0,5 (3.8 N/A, RESCALE); 3.9 N/A under FULL_MARKS stays in
      leaves: [
        ['3.1.1', 1000, 'BINARY met → 1'],
        ['3.1.2', 0, 'BINARY not met → 0 of 1'],
        ['3.2', 500, 'BANDS 1/2 = 50 % exactly → band ≥ 50 % → 0,5 of 1'],
        ['3.3', 1000, 'BANDS complement: 3 late of 60 → on time 57/60 = 95 % exactly → band ≥ 95 % → 1 of 4'],
        ['3.4', 1500, 'LINEAR target 50 %: 300/500 = 60 % ÷ 50 % = 1,2 → min(1, 1,2) × 1,5 = 1,5 (max)'],
        ['3.5', 0, 'PIECEWISE 45/100 = 45 % below the first point 50 % → belowPoints 0'],
        ['3.6', 625, 'LINEAR target 80 %: 1/3 ÷ 80 % × 1,5 = 1,5/2,4 = 0,625 exactly'],
        ['3.7', 214, 'LINEAR 1/7 × 1,5 = 0,2142857 → half up → 0,214'],
        ['3.8', 0, 'N/A with reason, RESCALE → 0,5 leaves the denominator', 'NA'],
        ['3.9', 1000, 'N/A with reason, FULL_MARKS → 1 of 1 ("không phát sinh → điểm tối đa")', 'NA'],
        ['3.10', 500, 'BANDS 99/100 = 99 % → band ≥ 99 % → 0,5'],
        ['3.11', 5130, 'SURVEY 85,5 % × 6 = 5,13'],
      ],
    },
    {
      code: '4',
      score: 3167, // 0 + 1 + 1 + 0 + 0,5 + 0,667 = 3,167
      applicableMax: 7000, // the unanswered 4.3.2 stays in the denominator
      leaves: [
        ['4.1', 0, 'LEVELS «khong» → 0 of 1,5'],
        ['4.2', 1000, 'BINARY met → 1'],
        ['4.3.1', 1000, 'BINARY met → 1'],
        ['4.3.2', 0, 'no answer → 0, still counted in the denominator', 'UNANSWERED'],
        ['4.4', 500, 'LEVELS «mot_phan» → 0,5 of 1'],
        ['4.5', 667, 'SURVEY 33,333 % × 2 = 0,66666 → half up → 0,667'],
      ],
    },
    {
      code: '5',
      score: 5949, // 1 + 0,5 + 0 + 0,999 + 0,75 + 2,7 = 5,949
      applicableMax: 9000,
      leaves: [
        ['5.1', 1000, 'BINARY met → 1'],
        ['5.2', 500, 'COUNT_DEDUCT 2 × 0,5 = 1 → 1,5 − 1 = 0,5'],
        ['5.3', 0, 'BINARY not met → 0'],
        ['5.4', 999, 'LINEAR 999/1000 × 1 = 0,999'],
        ['5.5', 750, 'COUNT_DEDUCT 1 × 0,75 → 1,5 − 0,75 = 0,75'],
        ['5.6', 2700, 'SURVEY 90 % × 3 = 2,7'],
      ],
    },
    {
      code: '6',
      score: 5750, // 1,25 + 1 + 1 + 0,5 + 0,5 + 1,5 = 5,75
      applicableMax: 8000, // 6.5 N/A under FULL_MARKS stays in
      leaves: [
        ['6.1', 1250, 'BANDS 96/100 = 96 % → band ≥ 95 % → 1,25 of 2,5'],
        ['6.2', 1000, 'BINARY met → 1'],
        ['6.3', 1000, 'BINARY met → 1'],
        ['6.4', 500, 'LEVELS «mot_phan» → 0,5 of 1'],
        ['6.5', 500, 'N/A with reason, FULL_MARKS → 0,5 of 0,5', 'NA'],
        ['6.6', 1500, 'SURVEY 75 % × 2 = 1,5'],
      ],
    },
    {
      code: '7',
      score: 6021, // 0 + 0,188 + 0,333 + 1 + 1,5 + 0 + 1 + 0 + 2 = 6,021
      applicableMax: 14_000,
      leaves: [
        ['7.1', 0, 'BANDS percent 94,999 typed < 95 % → otherwise 0'],
        ['7.2', 188, 'LINEAR 1/8 = 12,5 % × 1,5 = 0,1875 → half up → 0,188'],
        ['7.3', 333, 'LINEAR 1/3 × 1 = 0,3333 → 0,333'],
        ['7.4', 1000, 'LEVELS «dat» → 1'],
        ['7.5', 1500, 'LINEAR 100/100 × 1,5 = 1,5'],
        ['7.6', 0, 'LINEAR 0/10 = 0 % → 0 (a zero rate, not a zero denominator)'],
        ['7.7', 1000, 'BINARY met → 1'],
        ['7.8', 0, 'BINARY not met → 0'],
        ['7.9', 2000, 'SURVEY 66,667 % × 3 = 2,00001 → 2'],
      ],
    },
    {
      code: '8',
      score: 16_018, // 3,618 + 2,4 + 8 + 2 = 16,018
      applicableMax: 20_000,
      leaves: [
        ['8.1', 3618, 'EXTERNAL 72,35/100 × 5 = 3,6175 → half up → 3,618'],
        ['8.2', 2400, 'LINEAR 4/5 = 80 % × 3 = 2,4'],
        ['8.3', 8000, 'EXTERNAL 104 above the scale → min(104, 100)/100 × 8 = 8'],
        ['8.4', 2000, 'SURVEY 50 % × 4 = 2'],
      ],
    },
    {
      code: '9.1',
      score: 3000, // 2 + 1
      applicableMax: 3000,
      leaves: [
        ['9.1.1', 2000, 'COUNT bonus 3 × 1 = 3 → min(node max 2, 3) = 2'],
        ['9.1.2', 1000, 'BINARY bonus met → +1'],
      ],
    },
    {
      code: '9.2',
      score: 2500, // 1,5 + 0,5 + 0 + 0,5
      applicableMax: 5000,
      leaves: [
        ['9.2.1', 1500, 'COUNT penalty 3 × 0,5 = 1,5 (node max 2) → −1,5'],
        ['9.2.2', 500, 'BINARY penalty happened → −0,5 (its max)'],
        ['9.2.3', 0, 'BINARY penalty did not happen → −0'],
        ['9.2.4', 500, 'COUNT penalty 2 × 0,25 = 0,5 → −0,5'],
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
    expect(r.byId[`${P}9`]!.score).toBe(500); // bonus 3 − penalty 2,5
    // X = 0 (1.7 pending) + 1,6 + 5,13 + 0,667 + 2,7 + 1,5 + 2 + 8 + 2 = 23,597 of 33 (pending stays in)
    // S + X = Σ domains 1–8 = 3,5 + 4,85 + 11,469 + 3,167 + 5,949 + 5,75 + 6,021 + 16,018 = 56,724
    // S = 56,724 − 23,597 = 33,127 of 67 − 0,5 (1.3.3) − 1 (2.2.2) − 0,5 (3.8) = 65 applicable
    expect(r.survey).toEqual({ score: 23_597, max: 33_000, applicableMax: 33_000 });
    expect(r.self).toEqual({ score: 33_127, max: 67_000, applicableMax: 65_000 });
    expect(r.bonus).toEqual({ raw: 3000, counted: 3000, cap: 3000 });
    expect(r.penalty).toEqual({ raw: 2500, counted: 2500, cap: 5000 });
    // final = 56,724 + 3 − 2,5 = 57,224; applicable max = 100 − 2 = 98;
    // index = 57,224 ÷ 98 × 100 = 58,3918… → 58,39 % → Yếu (< 65)
    expect(r.final).toBe(57_224);
    expect(r.applicableMax).toBe(98_000);
    expect(r.index).toBe(5839);
    expect(r.classification).toEqual({ id: 'YEU', label: 'Yếu' });
    // NA: 1.3.3, 2.2.2, 3.8, 3.9, 6.5 · pending: 1.7 · unanswered: 4.3.2 · scored: 65 − 7 = 58
    expect(r.completeness).toEqual({ leaves: 65, scored: 58, na: 5, unanswered: 1, pendingSurvey: 1, invalid: 0 });
    // A domain shows its most urgent leaf status: 1 waits for the survey, 4 has an unanswered leaf.
    expect(r.domains.map((d) => d.status)).toEqual(['PENDING_SURVEY', 'SCORED', 'SCORED', 'UNANSWERED', 'SCORED', 'SCORED', 'SCORED', 'SCORED', 'SCORED']);
    // Only 1.1.1 is below max without an explanation (every other answer carries one; N/A needs none).
    const problems = r.nodes.filter((n) => n.problems.length).map((n) => [n.code, n.problems]);
    expect(problems).toEqual([['1.1.1', [{ code: 'EXPLANATION_NEEDED', params: {} }]]]);
    expect(scoreProblemText(r.byId[r.nodes.find((n) => n.code === '1.1.1')!.nodeId]!.problems[0]!)).toBe('Cần giải trình vì điểm tự chấm thấp hơn điểm tối đa');
  });
});
