import { findNode, isLeaf } from '../../../shared/domain/indicator-tree';
import { scoreAssessment, scoreNode } from '../../../shared/domain/scoring/index';
import { scoreTotalsOf } from '../../../shared/domain/scoring/schema';
import { AppFailure } from '../../../shared/ipc/result';
import { findAssessment, touchAssessment } from '../db/repos/assessment-repo';
import { evidenceIdsOf, listAnswers, saveAnswer, undoLastChange } from '../db/repos/answer-repo';
import { assertAssessmentEditable, loadAssessment } from '../services/assessments/guards';
import type { HandlerSlice } from './types';

type Channels = 'answers.list' | 'answers.save' | 'answers.undo';

export const answersHandlers: HandlerSlice<Channels> = {
  'answers.list': (input, ctx) => {
    loadAssessment(ctx, input.assessmentId);
    return listAnswers(ctx.db, input.assessmentId);
  },

  'answers.save': (input, ctx) => {
    const { assessment, set } = loadAssessment(ctx, input.assessmentId);
    assertAssessmentEditable(assessment);
    if (input.answer.nodeId !== input.nodeId) {
      throw new AppFailure('VALIDATION', 'Mã tiêu chí của câu trả lời không khớp');
    }
    const node = findNode(set, input.nodeId);
    if (!node) throw new AppFailure('NOT_FOUND', `Bộ chỉ số không có tiêu chí "${input.nodeId}"`);
    if (!isLeaf(node)) throw new AppFailure('VALIDATION', `Tiêu chí ${node.code} được tính từ các tiêu chí con, không nhập trực tiếp`);
    if (node.method?.type === 'SURVEY') {
      throw new AppFailure('VALIDATION', `Tiêu chí ${node.code} lấy kết quả điều tra xã hội học, đơn vị không tự chấm`);
    }
    if (input.answer.notApplicable && node.naPolicy === 'NOT_ALLOWED') {
      throw new AppFailure('VALIDATION', `Tiêu chí ${node.code} không được đánh dấu "Không áp dụng"`);
    }
    const now = ctx.now().toISOString();
    const result = ctx.db.transaction(() => {
      // Re-read inside the transaction: the lock may have been taken since the check above.
      const fresh = findAssessment(ctx.db, input.assessmentId);
      if (fresh) assertAssessmentEditable(fresh);
      saveAnswer(ctx.db, input.assessmentId, input.answer, now);
      touchAssessment(ctx.db, input.assessmentId, now);
      const answers = listAnswers(ctx.db, input.assessmentId);
      return { answers, scores: scoreAssessment(set, answers) };
    })();
    const answer = {
      ...input.answer,
      evidenceIds: evidenceIdsOf(ctx.db, input.assessmentId, input.nodeId),
    };
    const stored = result.answers.find((a) => a.nodeId === input.nodeId);
    return {
      answer: stored ?? answer,
      score: result.scores.byId[input.nodeId] ?? scoreNode(node, input.answer),
      totals: scoreTotalsOf(result.scores),
    };
  },

  'answers.undo': (input, ctx) => {
    const { assessment, set } = loadAssessment(ctx, input.assessmentId);
    assertAssessmentEditable(assessment);
    const now = ctx.now().toISOString();
    return ctx.db.transaction(() => {
      const undone = undoLastChange(ctx.db, input.assessmentId, now);
      if (undone) touchAssessment(ctx.db, input.assessmentId, now);
      const answers = listAnswers(ctx.db, input.assessmentId);
      const totals = scoreTotalsOf(scoreAssessment(set, answers));
      if (!undone) return { undone: false, nodeId: null, answer: null, totals };
      return {
        undone: true,
        nodeId: undone.nodeId,
        answer: answers.find((a) => a.nodeId === undone.nodeId) ?? null,
        totals,
      };
    })();
  },
};
