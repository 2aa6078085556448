import { findNode, isLeaf } from '../../../../shared/domain/indicator-tree';
import type { AnswerSaveInput } from '../../../../shared/ipc/channels/answers';
import { AppFailure } from '../../../../shared/ipc/result';
import type { Answer } from '../../../../shared/schemas/answers';
import type { IndicatorNode, IndicatorSet } from '../../../../shared/schemas/indicator-set';
import type { BackendContext } from '../../context';
import { evidenceIdsOf, findAnswer, saveAnswer } from '../../db/repos/answer-repo';
import { loadAssessment, withEditable } from '../assessments/guards';

/** The node an answer may be saved for: a leaf of the set that the unit scores itself (not a survey node). */
const answerableNode = (set: IndicatorSet, input: AnswerSaveInput): IndicatorNode => {
  if (input.answer.nodeId !== input.nodeId) throw AppFailure.of('ANSWER_NODE_MISMATCH');
  const node = findNode(set, input.nodeId);
  if (!node) throw AppFailure.of('NODE_NOT_IN_SET', { nodeId: input.nodeId });
  if (!isLeaf(node)) throw AppFailure.of('NODE_NOT_A_LEAF', { code: node.code });
  if (node.method?.type === 'SURVEY') {
    throw AppFailure.of('NODE_IS_SURVEY', { code: node.code });
  }
  if (input.answer.notApplicable && node.naPolicy === 'NOT_ALLOWED') {
    throw AppFailure.of('NODE_NA_NOT_ALLOWED', { code: node.code });
  }
  return node;
};

/**
 * Saves one answer (with an undo step) and returns it as stored. No score comes back: the renderer scores
 * its own copy of the answers with the same engine (shared/domain/scoring) at every keystroke, and
 * `scoring.compute` answers anyone who wants the server's figures.
 */
export const saveCheckedAnswer = (ctx: BackendContext, input: AnswerSaveInput): { answer: Answer } => {
  const { set } = loadAssessment(ctx, input.assessmentId);
  return withEditable(ctx, input.assessmentId, ({ now }) => {
    // Checked inside the write so that a locked assessment answers LOCKED before any input problem.
    answerableNode(set, input);
    saveAnswer(ctx.db, input.assessmentId, input.answer, now);
    const stored = findAnswer(ctx.db, input.assessmentId, input.nodeId)!;
    return { answer: { ...stored, evidenceIds: evidenceIdsOf(ctx.db, input.assessmentId, input.nodeId) } };
  });
};
