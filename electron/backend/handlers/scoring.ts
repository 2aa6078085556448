import { scoreAssessment } from '../../../shared/domain/scoring/index';
import { listAnswers } from '../db/repos/answer-repo';
import { loadAssessment } from '../services/assessments/guards';
import type { HandlerSlice } from './types';

export const scoringHandlers: HandlerSlice<'scoring.compute'> = {
  'scoring.compute': (input, ctx) => {
    const { set } = loadAssessment(ctx, input.assessmentId);
    return scoreAssessment(set, listAnswers(ctx.db, input.assessmentId));
  },
};
