import type { IndicatorNode } from '../../schemas/indicator-set';
import { isSurveyNode } from '../indicator-tree';
import type { NodeStatus } from './types';

/**
 * The one "giải trình khi dưới điểm tối đa" rule. A leaf the unit scores itself (not a survey result, not a
 * penalty, whose "score" is the points deducted) that scored below its max should be explained; where the
 * set says `explanationRequiredBelowMax`, it must be. The engine (EXPLANATION_NEEDED), the progress states,
 * the preflight and the sub-criterion page all ask these functions, so they cannot disagree.
 */

type Scored = { status: NodeStatus; score: number; max: number };
type RuleNode = Pick<IndicatorNode, 'kind' | 'method' | 'explanationRequiredBelowMax'>;

export const isBelowMax = (node: RuleNode, s: Scored): boolean =>
  !isSurveyNode(node) && node.kind !== 'PENALTY' && s.status === 'SCORED' && s.score < s.max;

/** Below max on a node whose set makes the giải trình mandatory. */
export const explanationRequired = (node: RuleNode, s: Scored): boolean => node.explanationRequiredBelowMax && isBelowMax(node, s);

/** A giải trình counts only if it says something (whitespace is not an explanation). */
export const hasExplanation = (text: string | undefined): boolean => !!text && text.trim() !== '';
