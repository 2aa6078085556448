import type { ScorableAnswer } from '../schemas/answers';
import type { IndicatorNode, IndicatorSet } from '../schemas/indicator-set';
import { isLeaf, isSurveyNode, walk } from './indicator-tree';
import { explanationRequired, hasExplanation, isBelowMax } from './scoring/explanation-rule';
import { scoreNode } from './scoring/leaf';
import type { NodeScore } from './scoring/types';

/**
 * Where each sub-criterion stands for the person filling the assessment (the tree's status icons, the
 * dashboard's progress figures and the "việc cần làm" list). Pure: the UI calls it on every change, the
 * backend's preflight calls it before a bundle is produced.
 */

export const LEAF_STATES = [
  'NOT_STARTED',
  'ANSWERED',
  'NEEDS_EVIDENCE',
  'NEEDS_EXPLANATION',
  'INVALID',
  'NA',
  'SURVEY',
] as const;
export type LeafState = (typeof LEAF_STATES)[number];

/** Number of evidence documents linked to each node id (absent = 0). */
export type EvidenceCounts = Readonly<Record<string, number>>;

export type LeafProgress = {
  node: IndicatorNode;
  /** Id of the top-level domain the leaf belongs to. */
  domainId: string;
  score: NodeScore;
  state: LeafState;
  evidenceCount: number;
  /** Filters of the navigation tree. */
  unscored: boolean;
  missingEvidence: boolean;
  belowMax: boolean;
  /** Explanation is empty although the score is below max (whether or not the set makes it mandatory). */
  explanationMissing: boolean;
  /** A giải trình text was written. */
  explained: boolean;
  /** The unit chose "Không có tài liệu kiểm chứng" and gave the reason (the giải trình does not count). */
  evidenceWaived: boolean;
  /** That reason, trimmed ('' without a waiver). */
  waiverReason: string;
};

export type ProgressSummary = {
  /** Leaves the unit scores itself (survey results are entered by Sở Nội vụ). */
  total: number;
  answered: number;
  evidenceRequired: number;
  evidenceAttached: number;
  explanationsMissing: number;
  invalid: number;
};

/** Pure state of one leaf; `score` may be passed when the caller already computed it. */
export const leafProgress = (
  node: IndicatorNode,
  domainId: string,
  answer: ScorableAnswer | undefined,
  evidenceCount: number,
  score: NodeScore = scoreNode(node, answer),
): LeafProgress => {
  const survey = isSurveyNode(node);
  const answered = score.status === 'SCORED' || score.status === 'NA';
  const na = score.status === 'NA';
  const belowMax = isBelowMax(node, score);
  const explained = hasExplanation(answer?.explanation);
  const evidenceWaived = hasExplanation(answer?.evidenceWaiver?.reason);
  const explanationMissing = belowMax && !explained;
  const needsEvidence = !survey && node.evidenceRequired && !na && answered && evidenceCount === 0;
  let state: LeafState;
  if (survey) state = 'SURVEY';
  else if (score.status === 'INVALID') state = 'INVALID';
  else if (!answered) state = 'NOT_STARTED';
  else if (na) state = 'NA';
  else if (explanationRequired(node, score) && !explained) state = 'NEEDS_EXPLANATION';
  // Evidence is required: where none is linked, only an explicit waiver with its reason completes the
  // sub-criterion — a giải trình (which explains the score) no longer does (migration 0210).
  else if (needsEvidence && !evidenceWaived) state = 'NEEDS_EVIDENCE';
  else state = 'ANSWERED';
  return {
    node,
    domainId,
    score,
    state,
    evidenceCount,
    unscored: !survey && !answered,
    missingEvidence: !survey && node.evidenceRequired && !na && evidenceCount === 0,
    belowMax,
    explanationMissing,
    explained,
    evidenceWaived,
    waiverReason: evidenceWaived ? (answer?.evidenceWaiver?.reason ?? '').trim() : '',
  };
};

/** Every leaf of the set in document order with its progress. */
export const computeLeafProgress = (
  set: Pick<IndicatorSet, 'nodes'>,
  answers: ReadonlyMap<string, ScorableAnswer>,
  evidence: EvidenceCounts,
  scores?: Readonly<Record<string, NodeScore>>,
): LeafProgress[] => {
  const out: LeafProgress[] = [];
  for (const domain of set.nodes) {
    walk([domain], ({ node }) => {
      if (!isLeaf(node)) return;
      out.push(leafProgress(node, domain.id, answers.get(node.id), evidence[node.id] ?? 0, scores?.[node.id]));
    });
  }
  return out;
};

export const summarizeProgress = (leaves: readonly LeafProgress[]): ProgressSummary => {
  const s: ProgressSummary = { total: 0, answered: 0, evidenceRequired: 0, evidenceAttached: 0, explanationsMissing: 0, invalid: 0 };
  for (const l of leaves) {
    if (l.state === 'SURVEY') continue;
    s.total++;
    if (!l.unscored && l.state !== 'INVALID') s.answered++;
    if (l.state === 'INVALID') s.invalid++;
    if (l.node.evidenceRequired && l.state !== 'NA') {
      s.evidenceRequired++;
      if (l.evidenceCount > 0) s.evidenceAttached++;
    }
    if (l.explanationMissing) s.explanationsMissing++;
  }
  return s;
};

export type TreeFilter = 'all' | 'unscored' | 'missingEvidence' | 'belowMax';

export const matchesFilter = (l: LeafProgress, f: TreeFilter): boolean =>
  f === 'all' ? true : f === 'unscored' ? l.unscored || l.state === 'INVALID' : f === 'missingEvidence' ? l.missingEvidence : l.belowMax;
