import { describe, expect, it } from 'vitest';

import { leafProgress } from '../../../shared/domain/progress';
import { runPreflight } from '../../../shared/domain/preflight';
import { explanationRequired, isBelowMax, SCORE_PROBLEM_CODES, scoreNode, scoreProblemText } from '../../../shared/domain/scoring/index';
import type { ScoreProblem } from '../../../shared/domain/scoring/index';
import { nodeScoreSchema } from '../../../shared/domain/scoring/schema';
import { ans as fixtureAnswer, fullAnswers, miniSet } from '../../renderer/fixtures/mini-set';
import { ans, leaf } from './fixtures';

/** One example of every code (set labels in ASCII, so the English text can be checked for Vietnamese words). */
const EXAMPLES: Record<ScoreProblem['code'], ScoreProblem> = {
  NO_METHOD: { code: 'NO_METHOD', params: {} },
  NA_NOT_ALLOWED: { code: 'NA_NOT_ALLOWED', params: {} },
  UNKNOWN_LEVEL: { code: 'UNKNOWN_LEVEL', params: { levelId: 'z' } },
  OVER_MAX: { code: 'OVER_MAX', params: { points: 1250, max: 1000 } },
  NOT_STEP: { code: 'NOT_STEP', params: { points: 300, step: 250 } },
  NEED_BOTH: { code: 'NEED_BOTH', params: { numeratorLabel: 'Late', denominatorLabel: 'All' } },
  ZERO_DENOMINATOR: { code: 'ZERO_DENOMINATOR', params: {} },
  NUMERATOR_ABOVE: { code: 'NUMERATOR_ABOVE', params: { numeratorLabel: 'Late', numerator: 5, denominatorLabel: 'All', denominator: 4 } },
  EXPLANATION_NEEDED: { code: 'EXPLANATION_NEEDED', params: {} },
};

describe('scoring problems are codes', () => {
  it('every code has a Vietnamese and an English text, and they differ', () => {
    expect([...SCORE_PROBLEM_CODES].sort()).toEqual(Object.keys(EXAMPLES).sort());
    for (const p of Object.values(EXAMPLES)) {
      const vi = scoreProblemText(p, 'vi');
      const en = scoreProblemText(p, 'en');
      expect(vi.length, p.code).toBeGreaterThan(5);
      expect(en, p.code).not.toBe(vi);
      expect(en, p.code).not.toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
    }
    expect(scoreProblemText(EXAMPLES.OVER_MAX, 'vi')).toBe('Điểm 1,25 vượt điểm tối đa 1');
    expect(scoreProblemText(EXAMPLES.OVER_MAX, 'en')).toBe('1.25 points exceed the maximum 1');
  });

  it('the channel schema accepts exactly the engine output', () => {
    const node = leaf({ maxPoints: 1, method: { type: 'MANUAL', step: 0.25 } });
    const s = scoreNode(node, ans({ manualPoints: 1.25 }));
    expect(nodeScoreSchema.parse(s).problems).toEqual([{ code: 'OVER_MAX', params: { points: 1250, max: 1000 } }]);
    expect(nodeScoreSchema.safeParse({ ...s, problems: ['Điểm 1,25 vượt điểm tối đa 1'] }).success).toBe(false);
    expect(nodeScoreSchema.safeParse({ ...s, problems: [{ code: 'OVER_MAX', params: { points: 1250 } }] }).success).toBe(false);
  });
});

describe('the explanation-below-max rule exists once', () => {
  const required = leaf({ maxPoints: 1, explanationRequiredBelowMax: true, method: { type: 'LEVELS', levels: [{ id: 'a', label: 'A', points: 1 }, { id: 'b', label: 'B', points: 0.5 }] } });

  it('engine, progress and preflight agree on a node below max without a giải trình', () => {
    const a = ans({ levelId: 'b' });
    const s = scoreNode(required, a);
    expect(isBelowMax(required, s)).toBe(true);
    expect(explanationRequired(required, s)).toBe(true);
    expect(s.problems).toEqual([{ code: 'EXPLANATION_NEEDED', params: {} }]);
    expect(leafProgress(required, 'd', a, 1).state).toBe('NEEDS_EXPLANATION');
    const explained = ans({ levelId: 'b' }, { explanation: 'Ban hành chậm' });
    expect(scoreNode(required, explained).problems).toEqual([]);
    expect(leafProgress(required, 'd', explained, 1).state).toBe('ANSWERED');
  });

  it('penalty and survey nodes are never "below max"', () => {
    const penalty = { ...required, kind: 'PENALTY' as const };
    expect(isBelowMax(penalty, { status: 'SCORED', score: 0, max: 1000 })).toBe(false);
    const survey = leaf({ kind: 'SURVEY', maxPoints: 3, explanationRequiredBelowMax: true, method: { type: 'SURVEY' } });
    const s = scoreNode(survey, ans({ percent: 50 }));
    expect(s.status).toBe('SCORED');
    expect(s.problems).toEqual([]);
    expect(explanationRequired(survey, s)).toBe(false);
  });

  it('an INVALID preflight issue carries the engine problem for the UI to translate', () => {
    const bad = fullAnswers().map((x) => (x.nodeId === 'n1-3' ? fixtureAnswer({ nodeId: 'n1-3', inputs: { numerator: 11, denominator: 10 } }) : x));
    const [issue] = runPreflight({ set: miniSet, answers: bad, evidenceCounts: { 'n1-1': 1 } }).errors;
    expect(issue?.problem?.code).toBe('NUMERATOR_ABOVE');
    expect(issue?.message).toBe(`Tiêu chí 1.3: số liệu chưa hợp lệ — ${scoreProblemText(issue!.problem!, 'vi')}. Hãy sửa lại.`);
  });
});
