import type { ScorableAnswer } from '../../schemas/answers';
import type { IndicatorNode, IndicatorSet } from '../../schemas/indicator-set';
import { effectiveKind, isLeaf } from '../indicator-tree';
import type { Language as Locale } from '../../schemas/settings';
import type { Milli } from '../points';
import { cappedIndexOf, indexOf } from '../points';
import { scoreNode } from './leaf';
import { k } from './rate';
import type { AssessmentScore, Completeness, NodeScore, NodeStatus, PartTotal } from './types';

/**
 * Scores a whole assessment: every leaf from its answer, then roll-ups (sum of children) per node and per
 * domain, the self-assessed (S) and survey (X) parts, bonus/penalty with the set's caps, the final score,
 * the index and the classification. Pure; a full sample set takes a few microseconds per node.
 *
 * Containers holding penalty nodes next to others (block 9 "thưởng/trừ") score Σ others − Σ penalties; a
 * container of penalties only scores the points deducted. Caps apply only to the set totals.
 */

// Worst first: a container shows the most urgent status of its leaves.
const STATUS_RANK: Record<NodeStatus, number> = { INVALID: 0, UNANSWERED: 1, PENDING_SURVEY: 2, NA: 3, SCORED: 4 };

export type AnswerLookup = ReadonlyMap<string, ScorableAnswer> | readonly ScorableAnswer[];

const toMap = (answers: AnswerLookup): ReadonlyMap<string, ScorableAnswer> => {
  if (!Array.isArray(answers)) return answers as ReadonlyMap<string, ScorableAnswer>;
  const m = new Map<string, ScorableAnswer>();
  for (const a of answers as readonly ScorableAnswer[]) m.set(a.nodeId, a);
  return m;
};

/** `lang` only changes the words of the per-node explanations (the renderer passes the UI language). */
export const scoreAssessment = (set: IndicatorSet, answers: AnswerLookup, lang: Locale = 'vi'): AssessmentScore => {
  const map = toMap(answers);
  const nodes: NodeScore[] = [];
  const byId: Record<string, NodeScore> = {};
  const self: PartTotal = { score: 0, max: 0, applicableMax: 0 };
  const survey: PartTotal = { score: 0, max: 0, applicableMax: 0 };
  let bonusRaw = 0;
  let penaltyRaw = 0;
  const completeness: Completeness = { leaves: 0, scored: 0, na: 0, unanswered: 0, pendingSurvey: 0, invalid: 0 };

  const visit = (node: IndicatorNode): NodeScore => {
    if (isLeaf(node)) {
      const s = scoreNode(node, map.get(node.id), lang);
      nodes.push(s);
      byId[node.id] = s;
      completeness.leaves++;
      if (s.status === 'SCORED') completeness.scored++;
      else if (s.status === 'NA') completeness.na++;
      else if (s.status === 'UNANSWERED') completeness.unanswered++;
      else if (s.status === 'PENDING_SURVEY') completeness.pendingSurvey++;
      else completeness.invalid++;
      const part = node.kind === 'SELF' ? self : node.kind === 'SURVEY' ? survey : null;
      if (part) {
        part.score += s.score;
        part.max += s.max;
        part.applicableMax += s.applicableMax;
      } else if (node.kind === 'BONUS') bonusRaw += s.score;
      else if (node.kind === 'PENALTY') penaltyRaw += s.score;
      return s;
    }
    // Reserve the slot so parents come before children in `nodes`.
    const slot = nodes.length;
    nodes.push(undefined as unknown as NodeScore);
    const kind = effectiveKind(node);
    const children = (node.children ?? []).map(visit);
    const hasOthers = children.some((c) => c.kind !== 'PENALTY');
    let score: Milli = 0;
    let applicableMax: Milli = 0;
    let status: NodeStatus = 'SCORED';
    let allNa = true;
    for (const c of children) {
      const sign = hasOthers && c.kind === 'PENALTY' ? -1 : 1;
      score += sign * c.score;
      if (!(hasOthers && c.kind === 'PENALTY')) applicableMax += c.applicableMax;
      if (c.status !== 'NA') allNa = false;
      if (c.status !== 'NA' && STATUS_RANK[c.status] < STATUS_RANK[status]) status = c.status;
    }
    if (allNa && children.length > 0) status = 'NA';
    const s: NodeScore = {
      nodeId: node.id,
      code: node.code,
      title: node.title,
      kind,
      isLeaf: false,
      score,
      max: k(node.maxPoints),
      applicableMax,
      index: indexOf(score, applicableMax),
      status,
      explanation: '',
      problems: [],
    };
    nodes[slot] = s;
    byId[node.id] = s;
    return s;
  };

  const domains = set.nodes.map(visit);
  const maxTotal = k(set.maxTotal);
  const bonusCap = k(set.bonusCap);
  const penaltyCap = k(set.penaltyCap);
  const bonus = { raw: bonusRaw, counted: Math.min(bonusRaw, bonusCap), cap: bonusCap };
  const penalty = { raw: penaltyRaw, counted: Math.min(penaltyRaw, penaltyCap), cap: penaltyCap };
  const final = Math.max(0, Math.min(maxTotal, self.score + survey.score + bonus.counted - penalty.counted));
  const applicableMax = self.applicableMax + survey.applicableMax;
  const index = cappedIndexOf(final, applicableMax);
  let classification: AssessmentScore['classification'] = null;
  if (index !== null) {
    const band = set.classification.find((b) => index >= Math.round(b.minIndex * 100));
    classification = band ? { id: band.id, label: band.label } : null;
  }
  return {
    nodes,
    byId,
    domains,
    self,
    survey,
    bonus,
    penalty,
    final,
    maxTotal,
    applicableMax,
    index,
    classification,
    completeness,
  };
};
