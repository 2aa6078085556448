import { toMilli } from '../../../shared/domain/points';
import { deleteSurveyResult } from '../db/repos/survey-repo';
import { assertAssessmentEditable, loadAssessment, withEditable } from '../services/assessments/guards';
import { applySurveyImport, MAX_SHEET_BYTES, planSurveyImport, readSurveyFile } from '../services/survey/import-results';
import { rangeProblem, requireSurveyNode, surveyList, writeSurveyValue } from '../services/survey/values';
import { readSingleFile } from './single-file';
import type { HandlerSlice } from './types';

type Channels = 'survey.list' | 'survey.save' | 'survey.import';

export const surveyHandlers: HandlerSlice<Channels> = {
  'survey.list': (input, ctx) => {
    const { set } = loadAssessment(ctx, input.assessmentId);
    return surveyList(ctx.db, input.assessmentId, set).nodes;
  },

  'survey.save': (input, ctx) => {
    const { set } = loadAssessment(ctx, input.assessmentId);
    const node = requireSurveyNode(set, input.nodeId);
    if (input.value !== null) {
      const problem = rangeProblem(node, toMilli(input.value) ?? -1);
      if (problem) throw problem;
    }
    const value = input.value;
    withEditable(ctx, input.assessmentId, ({ now }) => {
      if (value === null) deleteSurveyResult(ctx.db, input.assessmentId, node.id);
      else {
        const prov = { nodeId: node.id, sourceNote: input.sourceNote, origin: 'manual' as const, fileName: '', updatedAt: now };
        writeSurveyValue(ctx.db, input.assessmentId, node, value, prov);
      }
    });
    const out = surveyList(ctx.db, input.assessmentId, set);
    return { node: out.nodes.find((n) => n.nodeId === node.id)!, totals: out.totals };
  },

  'survey.import': async (input, ctx) => {
    const { assessment, set } = loadAssessment(ctx, input.assessmentId);
    // Refuse a locked assessment before the file dialog opens; the write checks again.
    assertAssessmentEditable(assessment);
    const file = await readSingleFile(ctx, input.source, {
      title: { vi: 'Chọn bảng kết quả điều tra xã hội học', en: 'Choose the sociological survey results sheet' },
      filters: [{ name: { vi: 'Bảng kết quả (Excel, CSV)', en: 'Results sheet (Excel, CSV)' }, extensions: ['xlsx', 'csv'] }],
      maxBytes: MAX_SHEET_BYTES,
    });
    const plan = planSurveyImport(set, await readSurveyFile(file.data, file.name, ctx.workerLauncher), file.name);
    const report = applySurveyImport(ctx, input.assessmentId, plan, input.sourceNote);
    ctx.logger.info('survey import', { applied: report.applied.length, errors: report.errors.length });
    return { ...report, totals: surveyList(ctx.db, input.assessmentId, set).totals };
  },
};
