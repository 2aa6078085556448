import { scoreAssessment } from '../../../../shared/domain/scoring';
import { AppFailure } from '../../../../shared/ipc/result';
import type { IndicatorSet } from '../../../../shared/schemas/indicator-set';
import type { ResultCriterion, ResultSurvey } from '../../../../shared/schemas/appraisal-result';
import { receiverMeasuredNodes } from '../inbox/answer-check';

/** What a line is checked on: the shape both the appraisal result and the final result share. */
export type PackageLines = {
  criteria: readonly Pick<ResultCriterion, 'nodeId' | 'code' | 'kind' | 'max'>[];
  survey: readonly Pick<ResultSurvey, 'nodeId' | 'code' | 'max'>[];
};

/** Which part of a line disagrees with the set: no such criterion, scored by the unit vs by Sở Nội vụ, kind, maximum. */
export type LineField = 'nodeId' | 'survey' | 'kind' | 'max';

/**
 * The first line of a received result that the indicator set its submission used does not describe, or null.
 * Sở Nội vụ builds each line from a leaf of that set (services/results/result-content.ts linesOf): a leaf it
 * measures itself (survey, external index) is a survey line, any other a criterion with the leaf's kind and the
 * maximum the scoring engine gives it. A line naming another leaf, the wrong part, kind or maximum would put
 * the unit's giải trình and its reading of the totals on criteria it never scored; it is refused.
 */
export const firstLineMismatch = (set: IndicatorSet, lines: PackageLines): { line: string; field: LineField } | null => {
  const measured = receiverMeasuredNodes(set);
  const leaves = new Map(scoreAssessment(set, []).nodes.filter((n) => n.isLeaf).map((n) => [n.nodeId, n]));
  for (const c of lines.criteria) {
    const leaf = leaves.get(c.nodeId);
    if (!leaf) return { line: c.code, field: 'nodeId' };
    if (measured.has(c.nodeId)) return { line: c.code, field: 'survey' };
    if ((leaf.kind ?? 'SELF') !== c.kind) return { line: c.code, field: 'kind' };
    if (leaf.max !== c.max) return { line: c.code, field: 'max' };
  }
  for (const s of lines.survey) {
    const leaf = leaves.get(s.nodeId);
    if (!leaf) return { line: s.code, field: 'nodeId' };
    if (!measured.has(s.nodeId)) return { line: s.code, field: 'survey' };
    if (leaf.max !== s.max) return { line: s.code, field: 'max' };
  }
  return null;
};

const REASON_OF = { nodeId: 'REPLY_LINE_UNKNOWN', survey: 'REPLY_LINE_PART', kind: 'REPLY_LINE_KIND', max: 'REPLY_LINE_MAX' } as const;

/** Refuses a result or final result whose lines the set does not describe, one reason per field (ANSWER_LINE_*). */
export const assertLinesOfSet = (set: IndicatorSet, lines: PackageLines): void => {
  const m = firstLineMismatch(set, lines);
  if (m) throw AppFailure.of(REASON_OF[m.field], { line: m.line });
};
