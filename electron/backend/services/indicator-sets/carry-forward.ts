import { leaves } from '../../../../shared/domain/indicator-tree';
import type { Answer } from '../../../../shared/schemas/answers';
import type { IndicatorSet } from '../../../../shared/schemas/indicator-set';

/**
 * Year-to-year mapping: a node of this year's set may declare `continuesFrom` = the id of last year's node it
 * continues. carryForward() turns last year's answers into starting answers for this year: the explanation,
 * the N/A reason and the "no evidence" reason always carry (the unit reviews them); the declared figures carry only when the method type
 * is unchanged (last year's numbers are a draft, not this year's truth: the UI shows them as "từ năm trước").
 * Evidence moves by the returned node mapping (the evidence store re-links documents).
 */

export type CarriedAnswer = Omit<Answer, 'evidenceIds' | 'evidenceWaiver'> & Partial<Pick<Answer, 'evidenceWaiver'>>;
export type CarryForwardResult = {
  answers: CarriedAnswer[];
  /** Last year's node id → this year's node id, for every mapped leaf (also those without an answer). */
  nodeMap: Array<{ from: string; to: string }>;
  /** This year's leaves whose `continuesFrom` names a node that last year's set does not have. */
  unknownSources: string[];
};

export const carryForward = (
  previous: IndicatorSet,
  next: IndicatorSet,
  previousAnswers: ReadonlyArray<CarriedAnswer>,
): CarryForwardResult => {
  const prevLeaves = new Map(leaves(previous).map((n) => [n.id, n]));
  const prevAnswers = new Map(previousAnswers.map((a) => [a.nodeId, a]));
  const out: CarryForwardResult = { answers: [], nodeMap: [], unknownSources: [] };
  for (const node of leaves(next)) {
    if (!node.continuesFrom) continue;
    const source = prevLeaves.get(node.continuesFrom);
    if (!source) {
      out.unknownSources.push(node.id);
      continue;
    }
    out.nodeMap.push({ from: source.id, to: node.id });
    const a = prevAnswers.get(source.id);
    if (!a || node.method?.type === 'SURVEY') continue;
    const sameMethod = source.method?.type === node.method?.type;
    const naOk = a.notApplicable !== null && node.naPolicy !== 'NOT_ALLOWED';
    out.answers.push({
      nodeId: node.id,
      inputs: sameMethod ? { ...a.inputs } : {},
      notApplicable: naOk ? a.notApplicable : null,
      explanation: a.explanation,
      ...(a.evidenceWaiver ? { evidenceWaiver: a.evidenceWaiver } : {}),
    });
  }
  return out;
};
