import { leaves, nodeIndex } from '../../../shared/domain/indicator-tree';
import { fromMilli, parseScaled, toMilli } from '../../../shared/domain/points';
import { isSurveyNode } from '../../../shared/domain/progress';
import { scoreAssessment } from '../../../shared/domain/scoring/index';
import type { AssessmentScore } from '../../../shared/domain/scoring/index';
import { scoreTotalsOf } from '../../../shared/domain/scoring/schema';
import type { SurveyImportReport, SurveyNode } from '../../../shared/ipc/channels/survey';
import { AppFailure } from '../../../shared/ipc/result';
import type { Answer, AnswerInputs } from '../../../shared/schemas/answers';
import type { Assessment } from '../../../shared/schemas/assessment';
import type { IndicatorNode, IndicatorSet } from '../../../shared/schemas/indicator-set';
import type { BackendContext } from '../context';
import { findAnswer, listAnswers, replaceAnswers } from '../db/repos/answer-repo';
import { findAssessment, touchAssessment } from '../db/repos/assessment-repo';
import { deleteSurveyResult, listSurveyProvenance, upsertSurveyProvenance } from '../db/repos/survey-repo';
import type { SurveyProvenance } from '../db/repos/survey-repo';
import { loadSurveySheet } from '../services/office-loader';
import { readSingleFile } from './single-file';
import { assertAssessmentEditable } from '../services/assessments/guards';
import type { HandlerSlice } from './types';

type Channels = 'survey.list' | 'survey.save' | 'survey.import';

const MAX_SHEET_BYTES = 5 * 1_048_576;

const load = (ctx: BackendContext, id: string): { assessment: Assessment; set: IndicatorSet } => {
  const assessment = findAssessment(ctx.db, id);
  if (!assessment) throw new AppFailure('NOT_FOUND', 'Không tìm thấy bản tự đánh giá');
  return { assessment, set: ctx.catalog.get(assessment.indicatorSetId).document };
};



/** A survey node reads `percent` (SURVEY) or `externalValue` (EXTERNAL, e.g. SIPAS). */
const isExternal = (n: IndicatorNode): boolean => n.method?.type === 'EXTERNAL';
const scaleMaxOf = (n: IndicatorNode): number => (n.method?.type === 'EXTERNAL' ? n.method.scaleMax : 100);
const valueOf = (n: IndicatorNode, inputs: AnswerInputs | undefined): number | null =>
  (isExternal(n) ? inputs?.externalValue : inputs?.percent) ?? null;
const inputsFor = (n: IndicatorNode, value: number): AnswerInputs => (isExternal(n) ? { externalValue: value } : { percent: value });

/** Vietnamese problem with a value for this node, or null. Value in milli-units (exact). */
const rangeProblem = (n: IndicatorNode, valueMilli: number): string | null => {
  const maxMilli = toMilli(scaleMaxOf(n)) ?? 100_000;
  if (valueMilli < 0 || valueMilli > maxMilli) {
    return isExternal(n)
      ? `Kết quả của tiêu chí ${n.code} phải từ 0 đến ${String(scaleMaxOf(n)).replace('.', ',')}`
      : `Kết quả của tiêu chí ${n.code} là tỷ lệ phần trăm, phải từ 0 đến 100`;
  }
  return null;
};

const requireSurveyNode = (set: IndicatorSet, nodeId: string): IndicatorNode => {
  const node = nodeIndex(set).get(nodeId);
  if (!node) throw new AppFailure('NOT_FOUND', `Bộ chỉ số không có tiêu chí "${nodeId}"`);
  if (!isSurveyNode(node) || node.children?.length) {
    throw new AppFailure('VALIDATION', `Tiêu chí ${node.code} không phải tiêu chí điều tra xã hội học`);
  }
  return node;
};

const nodeOut = (
  node: IndicatorNode,
  answer: Pick<Answer, 'inputs'> | undefined,
  scores: AssessmentScore,
  prov: SurveyProvenance | undefined,
): SurveyNode => ({
  nodeId: node.id,
  code: node.code,
  title: node.title,
  max: toMilli(node.maxPoints) ?? 0,
  method: isExternal(node) ? 'EXTERNAL' : 'SURVEY',
  source: node.method && 'source' in node.method ? node.method.source : '',
  valueUnit: isExternal(node) ? 'scale' : 'percent',
  scaleMax: scaleMaxOf(node),
  value: valueOf(node, answer?.inputs),
  score: scores.byId[node.id]!,
  sourceNote: prov?.sourceNote ?? '',
  origin: prov?.origin ?? null,
  fileName: prov?.fileName ?? '',
  updatedAt: prov?.updatedAt ?? null,
});

const listOut = (ctx: BackendContext, assessmentId: string, set: IndicatorSet) => {
  const answers = listAnswers(ctx.db, assessmentId);
  const scores = scoreAssessment(set, answers);
  const byNode = new Map(answers.map((a) => [a.nodeId, a]));
  const prov = listSurveyProvenance(ctx.db, assessmentId);
  const nodes = leaves(set)
    .filter(isSurveyNode)
    .map((n) => nodeOut(n, byNode.get(n.id), scores, prov.get(n.id)));
  return { nodes, totals: scoreTotalsOf(scores) };
};

/** Writes one survey value as the node's answer (no undo history: it is not the unit's own scoring). */
const writeValue = (ctx: BackendContext, assessmentId: string, node: IndicatorNode, value: number, prov: SurveyProvenance): void => {
  const existing = findAnswer(ctx.db, assessmentId, node.id);
  replaceAnswers(
    ctx.db,
    assessmentId,
    [{ nodeId: node.id, inputs: inputsFor(node, value), notApplicable: null, explanation: existing?.explanation ?? '' }],
    prov.updatedAt,
  );
  upsertSurveyProvenance(ctx.db, assessmentId, prov);
};

export const surveyHandlers: HandlerSlice<Channels> = {
  'survey.list': (input, ctx) => {
    const { set } = load(ctx, input.assessmentId);
    return listOut(ctx, input.assessmentId, set).nodes;
  },

  'survey.save': (input, ctx) => {
    const { set } = load(ctx, input.assessmentId);
    const node = requireSurveyNode(set, input.nodeId);
    if (input.value !== null) {
      const problem = rangeProblem(node, toMilli(input.value) ?? -1);
      if (problem) throw new AppFailure('VALIDATION', problem);
    }
    const now = ctx.now().toISOString();
    ctx.db.transaction(() => {
      assertAssessmentEditable(findAssessment(ctx.db, input.assessmentId));
      if (input.value === null) deleteSurveyResult(ctx.db, input.assessmentId, node.id);
      else {
        writeValue(ctx, input.assessmentId, node, input.value, {
          nodeId: node.id,
          sourceNote: input.sourceNote,
          origin: 'manual',
          fileName: '',
          updatedAt: now,
        });
      }
      touchAssessment(ctx.db, input.assessmentId, now);
    })();
    const out = listOut(ctx, input.assessmentId, set);
    return { node: out.nodes.find((n) => n.nodeId === node.id)!, totals: out.totals };
  },

  'survey.import': async (input, ctx) => {
    const { assessment, set } = load(ctx, input.assessmentId);
    assertAssessmentEditable(assessment);
    const file = await readSingleFile(ctx, input.source, {
      title: 'Chọn bảng kết quả điều tra xã hội học',
      filters: [{ name: 'Bảng kết quả (Excel, CSV)', extensions: ['xlsx', 'csv'] }],
      maxBytes: MAX_SHEET_BYTES,
    });
    const { readSurveySheet, SurveySheetError } = await loadSurveySheet();
    let sheet;
    try {
      sheet = await readSurveySheet(file.data, file.name);
    } catch (e) {
      if (e instanceof SurveySheetError) throw new AppFailure('BAD_FILE', `${file.name}: ${e.message}`);
      throw e;
    }
    const byCode = new Map<string, IndicatorNode>();
    const all = nodeIndex(set);
    for (const n of all.values()) byCode.set(n.code, n);
    const report: Omit<SurveyImportReport, 'totals'> = { fileName: file.name, columns: sheet.columns, applied: [], errors: [] };
    const seen = new Map<string, number>();
    const accepted: Array<{ row: number; node: IndicatorNode; value: number; note: string }> = [];
    for (const r of sheet.rows) {
      const codeErr = (message: string) => report.errors.push({ row: r.row, column: sheet.columns.code, message });
      const valueErr = (message: string) => report.errors.push({ row: r.row, column: sheet.columns.value, message });
      const code = r.code.replace(/\.$/, '');
      if (!code) {
        codeErr('Thiếu mã tiêu chí');
        continue;
      }
      const node = byCode.get(code) ?? all.get(code);
      if (!node) {
        codeErr(`Bộ chỉ số không có tiêu chí mã "${code}"`);
        continue;
      }
      if (!isSurveyNode(node) || node.children?.length) {
        codeErr(`Tiêu chí ${node.code} không phải tiêu chí điều tra xã hội học (đơn vị tự chấm)`);
        continue;
      }
      const dup = seen.get(node.id);
      if (dup !== undefined) {
        codeErr(`Tiêu chí ${node.code} đã có ở dòng ${dup}`);
        continue;
      }
      seen.set(node.id, r.row);
      if (!r.value) {
        valueErr(`Thiếu kết quả của tiêu chí ${node.code}`);
        continue;
      }
      const milli = parseScaled(r.value.replace(/\s*%$/, ''), 3);
      if (milli === null) {
        valueErr(`Kết quả "${r.value}" không phải số hợp lệ (tối đa 3 chữ số thập phân, ví dụ 85,5)`);
        continue;
      }
      const problem = rangeProblem(node, milli);
      if (problem) {
        valueErr(problem);
        continue;
      }
      accepted.push({ row: r.row, node, value: fromMilli(milli), note: r.note });
    }
    const now = ctx.now().toISOString();
    ctx.db.transaction(() => {
      assertAssessmentEditable(findAssessment(ctx.db, assessment.id));
      for (const a of accepted) {
        const previous = valueOf(a.node, findAnswer(ctx.db, assessment.id, a.node.id)?.inputs);
        writeValue(ctx, assessment.id, a.node, a.value, {
          nodeId: a.node.id,
          sourceNote: (a.note || input.sourceNote || `Nhập từ tệp ${file.name}`).slice(0, 500),
          origin: 'import',
          fileName: file.name.slice(0, 255),
          updatedAt: now,
        });
        report.applied.push({ row: a.row, nodeId: a.node.id, code: a.node.code, value: a.value, previous });
      }
      if (accepted.length) touchAssessment(ctx.db, assessment.id, now);
    })();
    ctx.logger.info('survey import', { applied: report.applied.length, errors: report.errors.length });
    return { ...report, totals: listOut(ctx, assessment.id, set).totals };
  },
};
