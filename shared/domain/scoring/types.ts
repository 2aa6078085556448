import type { IndicatorNode, NodeKind } from '../../schemas/indicator-set';
import type { IndexBp, Milli } from '../points';
import type { ScoreProblem } from './problems';

/**
 * SCORED: inputs gave a score · NA: "Không áp dụng" accepted under the node's policy · UNANSWERED: no usable
 * answer yet (scores 0, still in the denominator) · PENDING_SURVEY: survey result not entered yet ·
 * INVALID: the answer contradicts the method (e.g. numerator > denominator, N/A not allowed); scores 0.
 */
export const NODE_STATUSES = ['SCORED', 'NA', 'UNANSWERED', 'PENDING_SURVEY', 'INVALID'] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];

export type NodeScore = {
  nodeId: string;
  code: string;
  title: string;
  kind: NodeKind | 'MIXED' | undefined;
  isLeaf: boolean;
  /** Achieved points (for a PENALTY node: the points deducted). Container: sum of children. */
  score: Milli;
  max: Milli;
  /** Max that stays in the denominator (0 for a node N/A under RESCALE). */
  applicableMax: Milli;
  /** score ÷ applicableMax × 100 in hundredths of a percent; null when nothing is applicable. */
  index: IndexBp | null;
  /** For containers: SCORED when every leaf below is SCORED or NA, else the "worst" leaf status. */
  status: NodeStatus;
  /** How the score was computed, e.g. "986/1000 = 98,6 % → mức 98–<100 % → 2/4 điểm". Empty for containers. */
  explanation: string;
  /** Things to fix, as codes the UI translates (problems.ts): invalid inputs, a missing mandatory explanation… */
  problems: ScoreProblem[];
};

export type PartTotal = { score: Milli; max: Milli; applicableMax: Milli };

export type Completeness = {
  leaves: number;
  scored: number;
  na: number;
  unanswered: number;
  pendingSurvey: number;
  invalid: number;
};

export type AssessmentScore = {
  /** Every node, in document order (parents before children). */
  nodes: NodeScore[];
  byId: Record<string, NodeScore>;
  /** Top-level nodes (lĩnh vực), in order. */
  domains: NodeScore[];
  /** Self-assessed (S) and survey (X) parts. */
  self: PartTotal;
  survey: PartTotal;
  /** Bonus/penalty: raw sum of leaves, the amount that counts after the set's cap, and the cap. */
  bonus: { raw: Milli; counted: Milli; cap: Milli };
  penalty: { raw: Milli; counted: Milli; cap: Milli };
  /** final = clamp(S + X + bonus − penalty, 0, maxTotal). */
  final: Milli;
  maxTotal: Milli;
  /** maxTotal minus the max of nodes N/A under RESCALE. */
  applicableMax: Milli;
  /** final ÷ applicableMax × 100, two decimals, half up, capped at 100.00; null if nothing applicable. */
  index: IndexBp | null;
  classification: { id: string; label: string } | null;
  completeness: Completeness;
};

export type LeafContext = { node: IndicatorNode };
