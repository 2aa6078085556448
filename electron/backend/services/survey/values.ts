import { leaves, nodeIndex } from '../../../../shared/domain/indicator-tree';
import { toMilli } from '../../../../shared/domain/points';
import { isSurveyNode } from '../../../../shared/domain/indicator-tree';
import { scoreAssessment } from '../../../../shared/domain/scoring/index';
import type { AssessmentScore } from '../../../../shared/domain/scoring/index';
import { scoreTotalsOf } from '../../../../shared/domain/scoring/schema';
import type { ScoreTotals } from '../../../../shared/domain/scoring/schema';
import type { SurveyNode } from '../../../../shared/ipc/channels/survey';
import { AppFailure } from '../../../../shared/ipc/result';
import type { Answer, AnswerInputs } from '../../../../shared/schemas/answers';
import type { IndicatorNode, IndicatorSet } from '../../../../shared/schemas/indicator-set';
import type { Db } from '../../db/connection';
import { findAnswer, listAnswers, replaceAnswers } from '../../db/repos/answer-repo';
import { listSurveyProvenance, upsertSurveyProvenance } from '../../db/repos/survey-repo';
import type { SurveyProvenance } from '../../db/repos/survey-repo';

/**
 * Survey (XHH) results are stored as the node's answer: `percent` for SURVEY nodes, `externalValue` for
 * EXTERNAL ones (another index converted to points, e.g. SIPAS), with their provenance beside
 * (migration 0070). The unit never scores these nodes itself (answers.save refuses them).
 */

const isExternal = (n: IndicatorNode): boolean => n.method?.type === 'EXTERNAL';
const scaleMaxOf = (n: IndicatorNode): number => (n.method?.type === 'EXTERNAL' ? n.method.scaleMax : 100);
export const valueOf = (n: IndicatorNode, inputs: AnswerInputs | undefined): number | null =>
  (isExternal(n) ? inputs?.externalValue : inputs?.percent) ?? null;
const inputsFor = (n: IndicatorNode, value: number): AnswerInputs => (isExternal(n) ? { externalValue: value } : { percent: value });

/** Vietnamese problem with a value for this node, or null. Value in milli-units (exact). */
export const rangeProblem = (n: IndicatorNode, valueMilli: number): AppFailure | null => {
  const maxMilli = toMilli(scaleMaxOf(n)) ?? 100_000;
  if (valueMilli < 0 || valueMilli > maxMilli) {
    return isExternal(n) ? AppFailure.of('SURVEY_SCALE_RANGE', { code: n.code, max: maxMilli }) : AppFailure.of('SURVEY_PERCENT_RANGE', { code: n.code });
  }
  return null;
};

/** A leaf whose result comes from Sở Nội vụ's survey (or another index), not from the unit. */
export const isSurveyLeaf = (node: IndicatorNode): boolean => isSurveyNode(node) && !node.children?.length;

export const requireSurveyNode = (set: IndicatorSet, nodeId: string): IndicatorNode => {
  const node = nodeIndex(set).get(nodeId);
  if (!node) throw AppFailure.of('NODE_NOT_IN_SET', { nodeId });
  if (!isSurveyLeaf(node)) throw AppFailure.of('NODE_NOT_SURVEY', { code: node.code });
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
  sourceNote: prov ? storedNote(prov) : '',
  origin: prov?.origin ?? null,
  fileName: prov?.fileName ?? '',
  updatedAt: prov?.updatedAt ?? null,
});

/**
 * Imports before this build stored the Vietnamese sentence "Nhập từ tệp <file>" as the note, which English
 * mode then showed untranslated. That exact sentence is the provenance (origin + fileName, which the UI words
 * in its language), not a note: it reads as none. Any other stored text is the user's and is kept.
 */
const storedNote = (p: SurveyProvenance): string =>
  p.origin === 'import' && p.sourceNote === `Nhập từ tệp ${p.fileName}` ? '' : p.sourceNote;

/** Every survey node of the assessment with its value, score and provenance, and the assessment's totals. */
export const surveyList = (db: Db, assessmentId: string, set: IndicatorSet): { nodes: SurveyNode[]; totals: ScoreTotals } => {
  const answers = listAnswers(db, assessmentId);
  const scores = scoreAssessment(set, answers);
  const byNode = new Map(answers.map((a) => [a.nodeId, a]));
  const prov = listSurveyProvenance(db, assessmentId);
  const nodes = leaves(set)
    .filter(isSurveyNode)
    .map((n) => nodeOut(n, byNode.get(n.id), scores, prov.get(n.id)));
  return { nodes, totals: scoreTotalsOf(scores) };
};

/** Writes one survey value as the node's answer (no undo history: it is not the unit's own scoring). */
export const writeSurveyValue = (db: Db, assessmentId: string, node: IndicatorNode, value: number, prov: SurveyProvenance): void => {
  const existing = findAnswer(db, assessmentId, node.id);
  replaceAnswers(
    db,
    assessmentId,
    [{ nodeId: node.id, inputs: inputsFor(node, value), notApplicable: null, explanation: existing?.explanation ?? '' }],
    prov.updatedAt,
  );
  upsertSurveyProvenance(db, assessmentId, prov);
};
