import { scoreAssessment } from '../../../shared/domain/scoring/index';
import { scoreTotalsOf } from '../../../shared/domain/scoring/schema';
import { listAnswers, undoLastChange } from '../db/repos/answer-repo';
import { saveCheckedAnswer } from '../services/answers/save-answer';
import { loadAssessment, withEditable } from '../services/assessments/guards';
import type { HandlerSlice } from './types';

type Channels = 'answers.list' | 'answers.save' | 'answers.undo';

export const answersHandlers: HandlerSlice<Channels> = {
  'answers.list': (input, ctx) => {
    loadAssessment(ctx, input.assessmentId);
    return listAnswers(ctx.db, input.assessmentId);
  },

  'answers.save': (input, ctx) => saveCheckedAnswer(ctx, input),

  'answers.undo': (input, ctx) => {
    const { set } = loadAssessment(ctx, input.assessmentId);
    return withEditable(
      ctx,
      input.assessmentId,
      ({ now }) => {
        const undone = undoLastChange(ctx.db, input.assessmentId, now);
        const answers = listAnswers(ctx.db, input.assessmentId);
        const totals = scoreTotalsOf(scoreAssessment(set, answers));
        if (!undone) return { undone: false, nodeId: null, answer: null, totals };
        return { undone: true, nodeId: undone.nodeId, answer: answers.find((a) => a.nodeId === undone.nodeId) ?? null, totals };
      },
      (r) => r.undone,
    );
  },
};
