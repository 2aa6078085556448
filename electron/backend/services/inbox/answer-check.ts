import { z } from 'zod';

import { allNodes, isLeaf, isSurveyNode, nodeIndex } from '../../../../shared/domain/indicator-tree';
import { scoreNode } from '../../../../shared/domain/scoring';
import { AppFailure } from '../../../../shared/ipc/result';
import { answerInputsSchema, notApplicableSchema } from '../../../../shared/schemas/answers';
import type { ScorableAnswer } from '../../../../shared/schemas/answers';
import type { IndicatorNode, IndicatorSet } from '../../../../shared/schemas/indicator-set';
import type { Submission } from '../../../../shared/schemas/submission';

/**
 * The receiver trusts nothing it can compute (issue 13 item 3). Every answer of a bundle is read with the
 * unit's own rules — the strict answer schema, then the scoring engine's problems (shared/domain/scoring/
 * problems.ts: score step, numerator ≤ denominator, ranges, levels, N/A allowed, giải trình where the set
 * requires it), exactly what blocks the unit's own export (shared/domain/preflight.ts) — and the first
 * broken one refuses the bundle with the criterion and the value. Survey and external-index nodes (XHH,
 * SIPAS) are never taken from a unit: their answers are dropped here, and Sở Nội vụ enters them itself
 * (services/inbox/received-survey.ts).
 */

/** A leaf whose result Sở Nội vụ measures (survey) or converts from another index (SIPAS), never the unit. */
export const isReceiverMeasured = (n: IndicatorNode): boolean => isLeaf(n) && (isSurveyNode(n) || n.method?.type === 'EXTERNAL');

/** The set's leaves Sở Nội vụ measures itself, by id (the inbox model, and the unit's check of a result's lines). */
export const receiverMeasuredNodes = (set: IndicatorSet): Map<string, IndicatorNode> =>
  new Map(allNodes(set).filter((v) => isReceiverMeasured(v.node)).map((v) => [v.node.id, v.node]));

const valueSchema = z
  .object({ inputs: answerInputsSchema.default({}), notApplicable: notApplicableSchema.nullable().default(null) })
  .strict();

const shown = (v: unknown): string => {
  const s = JSON.stringify(v) ?? 'null';
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
};

const refuse = (node: IndicatorNode | undefined, nodeId: string, value: unknown): AppFailure =>
  AppFailure.of(
    'BUNDLE_REFUSED_DETAIL',
    { check: 'E_ANSWER_INVALID', detail: `${node?.code ?? '?'} (${nodeId}) = ${shown(value)}` },
    { bundleCode: 'E_ANSWER_INVALID', nodeId, value: shown(value) },
  );

export type CheckedAnswer = { answer: Submission['answers'][number]; scorable: ScorableAnswer };

/** The answers to store: each re-validated, survey/external ones left out. Throws the first refusal. */
export const checkAnswers = (set: IndicatorSet, answers: Submission['answers']): CheckedAnswer[] => {
  const index = nodeIndex(set);
  const kept: CheckedAnswer[] = [];
  for (const a of answers) {
    const node = index.get(a.indicatorId);
    if (!node || !isLeaf(node)) throw refuse(node, a.indicatorId, a.value);
    if (isReceiverMeasured(node)) continue;
    const parsed = valueSchema.safeParse(a.value ?? {});
    if (!parsed.success) throw refuse(node, a.indicatorId, a.value);
    const scorable: ScorableAnswer = { nodeId: a.indicatorId, inputs: parsed.data.inputs, notApplicable: parsed.data.notApplicable, explanation: a.note ?? '' };
    const problem = scoreNode(node, scorable).problems[0];
    if (problem) {
      const value = shown(a.value);
      throw AppFailure.of(
        'BUNDLE_REFUSED_ANSWER',
        { check: 'E_ANSWER_INVALID', code: node.code, nodeId: node.id, value, problem: JSON.stringify(problem) },
        { bundleCode: 'E_ANSWER_INVALID', nodeId: node.id, value, problem: problem.code },
      );
    }
    kept.push({ answer: a, scorable });
  }
  return kept;
};
