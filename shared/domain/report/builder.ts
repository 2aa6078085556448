import type { DocumentFields } from '../admin-document/fields';
import type { ScorableAnswer } from '../../schemas/answers';
import type { IndicatorNode, IndicatorSet } from '../../schemas/indicator-set';
import { effectiveKind, isLeaf } from '../indicator-tree';
import { scoreAssessment } from '../scoring/assessment';
import { scoreProblemText } from '../scoring/problems';
import type { AssessmentScore, NodeScore } from '../scoring/types';
import { normalizeModel } from './format';
import { describeInputs, describeMethod } from './method-text';
import type {
  ReportDomainSummary,
  ReportEvidence,
  ReportModel,
  ReportNarrative,
  ReportNode,
  ReportNodeKind,
  ReportRowStatus,
  ReportUnit,
} from './model';

/** Evidence as the store knows it: like ReportEvidence but linked by node id (codes can be renumbered). */
export type ReportEvidenceInput = Omit<ReportEvidence, 'nodeCodes'> & { nodeIds: readonly string[] };

export type ReportAnswer = ScorableAnswer & { evidenceIds?: readonly string[] };

export type BuildReportInput = {
  set: IndicatorSet;
  answers: readonly ReportAnswer[];
  /** The engine's result for these answers; computed here when absent. */
  score?: AssessmentScore;
  evidence: readonly ReportEvidenceInput[];
  unit: ReportUnit;
  document: DocumentFields;
  year: number;
  revision: number;
  generatedAt: string;
  narrative: ReportNarrative;
};

const KIND: Record<string, ReportNodeKind> = {
  SELF: 'self',
  SURVEY: 'survey',
  BONUS: 'bonus',
  PENALTY: 'penalty',
  MIXED: 'mixed',
};

const leafStatus = (node: IndicatorNode, s: NodeScore): ReportRowStatus => {
  if (s.status === 'NA') return 'na';
  if (node.kind === 'SURVEY') return 'survey';
  return s.status === 'SCORED' ? 'answered' : 'unanswered';
};

/**
 * Maps set + answers + the engine's scores + evidence + unit + narrative into the report model. Scores are
 * the engine's (never recomputed here); a leaf with nothing to show (unanswered, survey pending, N/A scoring
 * 0) gets a blank score so the table does not read as a zero the unit gave itself.
 */
export const buildReportModel = (input: BuildReportInput): ReportModel => {
  const { set } = input;
  const score = input.score ?? scoreAssessment(set, input.answers);
  const answers = new Map(input.answers.map((a) => [a.nodeId, a]));
  const codeOf = new Map<string, string>();
  const visitCodes = (nodes: readonly IndicatorNode[]): void =>
    nodes.forEach((n) => {
      codeOf.set(n.id, n.code);
      if (n.children) visitCodes(n.children);
    });
  visitCodes(set.nodes);

  const evidenceById = new Map(input.evidence.map((e) => [e.id, e]));
  const citedBy = new Map<string, string[]>();
  for (const e of input.evidence) for (const id of e.nodeIds) citedBy.set(id, [...(citedBy.get(id) ?? []), e.id]);

  const toNode = (n: IndicatorNode, depth: number): ReportNode => {
    const s = score.byId[n.id];
    if (!s) throw new Error(`Thiếu kết quả chấm cho tiêu chí ${n.code}`);
    const level = depth === 0 ? 'domain' : depth === 1 ? 'criterion' : 'sub';
    const kind = KIND[effectiveKind(n) ?? 'SELF'] ?? 'self';
    if (!isLeaf(n)) {
      return {
        level,
        kind,
        code: n.code,
        title: n.title,
        maxMilli: s.max,
        declaredInputsText: '',
        methodText: '',
        scoreMilli: s.score,
        status: 'aggregate',
        explanation: '',
        citations: [],
        note: '',
        children: (n.children ?? []).map((c) => toNode(c, depth + 1)),
      };
    }
    const a = answers.get(n.id);
    const status = leafStatus(n, s);
    const blank = s.status === 'UNANSWERED' || s.status === 'PENDING_SURVEY' || (s.status === 'NA' && s.score === 0);
    const ids = [...new Set([...(a?.evidenceIds ?? []), ...(citedBy.get(n.id) ?? [])])];
    const method = describeMethod(n.method, n.maxPoints);
    return {
      level,
      kind,
      code: n.code,
      title: n.title,
      maxMilli: s.max,
      declaredInputsText: a?.notApplicable ? 'Không áp dụng' : describeInputs(n.method, a?.inputs),
      methodText: [method, s.explanation && s.explanation !== 'Chưa trả lời' ? `Cách tính: ${s.explanation}` : '']
        .filter(Boolean)
        .join('\n'),
      scoreMilli: blank ? null : s.score,
      status,
      explanation: a?.explanation ?? '',
      evidenceWaiver: a?.evidenceWaiver?.reason.trim() ?? '',
      citations: ids
        .map((id) => evidenceById.get(id))
        .filter((e): e is ReportEvidenceInput => e !== undefined)
        .map((e) => ({ evidenceId: e.id, number: e.number, issuedDate: e.issuedDate, summary: e.summary, originalName: e.originalName })),
      // reports are Vietnamese documents: problems are worded in Vietnamese here
      note: [a?.notApplicable?.reason ?? '', ...s.problems.map((p) => scoreProblemText(p, 'vi'))].filter(Boolean).join('; '),
      children: [],
    };
  };

  const domains = set.nodes.map((n) => toNode(n, 0));
  const summaries: ReportDomainSummary[] = domains.map((d, i) => {
    const s = score.domains[i]!;
    return {
      code: d.code,
      title: d.title,
      kind: d.kind,
      maxMilli: s.max,
      applicableMaxMilli: s.applicableMax,
      scoreMilli: s.score,
    };
  });
  return normalizeModel({
    unit: input.unit,
    document: input.document,
    year: input.year,
    setName: set.name,
    setVersion: set.version,
    revision: input.revision,
    generatedAt: input.generatedAt,
    domains,
    summaries,
    totals: {
      maxMilli: score.maxTotal,
      applicableMaxMilli: score.applicableMax,
      scoreMilli: score.final,
      selfMilli: score.self.score,
      surveyMilli: score.survey.score,
      bonus: { rawMilli: score.bonus.raw, countedMilli: score.bonus.counted, capMilli: score.bonus.cap },
      penalty: { rawMilli: score.penalty.raw, countedMilli: score.penalty.counted, capMilli: score.penalty.cap },
      classification: score.classification?.label ?? null,
    },
    narrative: input.narrative,
    evidence: input.evidence.map(({ nodeIds, ...e }) => ({
      ...e,
      nodeCodes: nodeIds.map((id) => codeOf.get(id)).filter((c): c is string => c !== undefined),
    })),
  });
};
