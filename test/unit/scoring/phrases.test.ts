import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { leaves } from '../../../shared/domain/indicator-tree';
import { scoreAssessment, scoreNode, scoreProblemText } from '../../../shared/domain/scoring/index';
import type { ScorableAnswer } from '../../../shared/schemas/answers';
import { parseIndicatorSet } from '../../../shared/schemas/indicator-set-validate';

const set = parseIndicatorSet(JSON.parse(readFileSync(join(process.cwd(), 'resources/indicator-sets/hp-2025-so.json'), 'utf8')));
const node = leaves(set).find((n) => n.code === '3.3')!;
const answer = (inputs: ScorableAnswer['inputs']): ScorableAnswer => ({ nodeId: node.id, inputs, notApplicable: null, explanation: '' });

describe('score explanations in the UI language', () => {
  it('Vietnamese by default, English on request, same score', () => {
    const a = answer({ numerator: 12 + 8, denominator: 1000 });
    const vi = scoreNode(node, a);
    const en = scoreNode(node, a, 'en');
    expect(vi.score).toBe(en.score);
    expect(vi.explanation).toBe('20/1000 → tỷ lệ 98 % → mức 98–<100 % → 2/4 điểm');
    expect(en.explanation).toBe('20/1000 → rate 98 % → band 98–<100 % → 2/4 points');
    expect(en.problems.map((p) => scoreProblemText(p, 'en'))).toEqual(['An explanation is needed because the score is below the maximum']);
  });

  it('decimal comma in Vietnamese, decimal point in English', () => {
    const a = answer({ numerator: 14, denominator: 1000 });
    expect(scoreNode(node, a).explanation).toContain('98,6 %');
    expect(scoreNode(node, a, 'en').explanation).toContain('98.6 %');
  });

  it('a whole assessment can be explained in English without changing any figure', () => {
    const answers = new Map([[node.id, answer({ numerator: 0, denominator: 0 })]]);
    const vi = scoreAssessment(set, answers);
    const en = scoreAssessment(set, answers, 'en');
    expect(en.final).toBe(vi.final);
    expect(en.index).toBe(vi.index);
    expect(en.byId[node.id]!.explanation).not.toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
  });
});
