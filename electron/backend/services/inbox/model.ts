import { answerInputsSchema, notApplicableSchema } from '../../../../shared/schemas/answers';
import type { AnswerInputs, ScorableAnswer } from '../../../../shared/schemas/answers';
import type { InboxDetail, InboxNode, InboxRow } from '../../../../shared/ipc/channels/inbox';
import { AppFailure } from '../../../../shared/ipc/result';
import { allNodes, isLeaf } from '../../../../shared/domain/indicator-tree';
import { fromMilli, milli } from '../../../../shared/domain/points';
import { appraisedTotals, isAppraisable, rollUp, selfTotals } from '../../../../shared/domain/ranking';
import type { RankingLeaf, SetRules, Totals, TreeNode } from '../../../../shared/domain/ranking';
import { scoreAssessment } from '../../../../shared/domain/scoring';
import type { AssessmentScore } from '../../../../shared/domain/scoring';
import type { IndicatorNode, IndicatorSet, NodeKind } from '../../../../shared/schemas/indicator-set';
import type { VerifyResult } from '../../../../shared/schemas/submission';
import { formatPercent, formatPoints } from '../../../../shared/format/index';
import type { BackendContext } from '../../context';
import { activeImportOf, findImported, listAppraisals, listImportedAnswers, listImportedEvidence, listUnitHistory } from '../../db/repos/inbox-repo';
import { listReceivedSurvey } from '../../db/repos/received-survey-repo';
import { isReceiverMeasured, receiverMeasuredNodes } from './answer-check';
import type { AppraisalRow, ImportedAnswerRow, ImportedSubmissionRow } from '../../db/repos/inbox-repo';

/**
 * The appraisal model of one imported submission: the unit's declared inputs re-scored with the importer's
 * own copy of the indicator set (the set's SHA-256 was checked at import), the appraiser's values on top,
 * totals and index per shared/domain/ranking.ts.
 */
export type ImportModel = {
  row: ImportedSubmissionRow;
  set: IndicatorSet;
  score: AssessmentScore;
  leaves: RankingLeaf[];
  rules: SetRules;
  appraisals: AppraisalRow[];
  answers: ImportedAnswerRow[];
  /** nodeId → the unit's reason for having no evidence (its explicit waiver). */
  waivers: Map<string, string>;
  /** What Sở Nội vụ entered for the survey / external leaves (thousandths of the node's measure). */
  surveyValues: Map<string, number>;
  self: Totals;
  appraised: Totals;
};

export const rulesOf = (set: IndicatorSet): SetRules => ({
  maxTotal: milli(set.maxTotal),
  bonusCap: milli(set.bonusCap),
  penaltyCap: milli(set.penaltyCap),
  // Same rounding as the scoring engine's classification.
  classification: set.classification.map((b) => ({ id: b.id, label: b.label, minIndex: Math.round(b.minIndex * 100) })),
});

const parseValue = (valueJson: string): { inputs: AnswerInputs; notApplicable: { reason: string } | null } => {
  let v: unknown;
  try {
    v = JSON.parse(valueJson);
  } catch {
    v = null;
  }
  const o = v && typeof v === 'object' ? (v as { inputs?: unknown; notApplicable?: unknown }) : {};
  const inputs = answerInputsSchema.safeParse(o.inputs ?? {});
  const na = notApplicableSchema.safeParse(o.notApplicable);
  return { inputs: inputs.success ? inputs.data : {}, notApplicable: na.success ? na.data : null };
};

export const setOf = (ctx: BackendContext, row: ImportedSubmissionRow): IndicatorSet => {
  try {
    return ctx.catalog.getVersion(row.setId, row.setVersion).document;
  } catch {
    throw AppFailure.of('INBOX_SET_MISSING', { id: row.setId, version: row.setVersion });
  }
};

const surveyInputs = (n: IndicatorNode, value: number): AnswerInputs =>
  n.method?.type === 'EXTERNAL' ? { externalValue: fromMilli(value) } : { percent: fromMilli(value) };

/**
 * The unit's explicit "no evidence" waivers (submission.json answers[].evidenceWaiver, docs/submission-format.md),
 * read from the submission.json stored as received (it passed the strict schema at import); bundles from
 * before the field have none.
 */
const waiversOf = (row: ImportedSubmissionRow): Map<string, string> => {
  const parsed = JSON.parse(row.submissionJson) as { answers?: { indicatorId: string; evidenceWaiver?: { reason: string } }[] };
  return new Map((parsed.answers ?? []).flatMap((a) => (a.evidenceWaiver ? [[a.indicatorId, a.evidenceWaiver.reason] as const] : [])));
};

export const loadModel = (ctx: BackendContext, row: ImportedSubmissionRow): ImportModel => {
  const set = setOf(ctx, row);
  // Survey and external-index leaves: scored only from what Sở Nội vụ entered (received_survey), never from the unit.
  const measured = receiverMeasuredNodes(set);
  // Rows imported before the register existed may still hold a unit's survey answers: they are ignored too.
  const answers = listImportedAnswers(ctx.db, row.id).filter((a) => !measured.has(a.nodeId));
  const waivers = waiversOf(row);
  const scorable: ScorableAnswer[] = answers.map((a) => ({ nodeId: a.nodeId, ...parseValue(a.valueJson), explanation: a.note, evidenceWaiver: waivers.has(a.nodeId) ? { reason: waivers.get(a.nodeId)! } : null }));
  const survey = listReceivedSurvey(ctx.db, row.year, row.unitCode);
  for (const sv of survey) {
    const n = measured.get(sv.nodeId);
    if (n) scorable.push({ nodeId: sv.nodeId, inputs: surveyInputs(n, sv.value), notApplicable: null, explanation: '' });
  }
  const score = scoreAssessment(set, scorable);
  const leaves: RankingLeaf[] = score.nodes
    .filter((n) => n.isLeaf)
    .map((n) => ({ nodeId: n.nodeId, kind: (n.kind ?? 'SELF') as NodeKind, max: n.max, applicableMax: n.applicableMax, self: n.score }));
  const rules = rulesOf(set);
  const appraisals = listAppraisals(ctx.db, row.id);
  const values = new Map(appraisals.map((a) => [a.nodeId, a.appraisedMilli]));
  const surveyValues = new Map(survey.filter((sv) => measured.has(sv.nodeId)).map((sv) => [sv.nodeId, sv.value]));
  return { row, set, score, leaves, rules, appraisals, answers, waivers, surveyValues, self: selfTotals(leaves, rules), appraised: appraisedTotals(leaves, values, rules) };
};

export const requireImport = (ctx: BackendContext, importId: string): ImportedSubmissionRow => {
  const row = findImported(ctx.db, importId);
  if (!row) throw AppFailure.of('INBOX_IMPORT_NOT_FOUND');
  return row;
};

export const verificationOf = (row: ImportedSubmissionRow): VerifyResult => JSON.parse(row.verificationJson) as VerifyResult;

/** One row of a listing or ranking (rank filled in by the caller). */
export const rowOf = (m: ImportModel): InboxRow => {
  const v = verificationOf(m.row);
  return {
    importId: m.row.id,
    submissionId: m.row.submissionId,
    revision: m.row.revision,
    unitCode: m.row.unitCode,
    unitName: m.row.unitName,
    unitType: m.row.unitType,
    year: m.row.year,
    setId: m.row.setId,
    setVersion: m.row.setVersion,
    selfTotal: m.self.final,
    appraisedTotal: m.appraised.final,
    selfIndex: m.self.index,
    index: m.appraised.index,
    classification: m.appraised.classification?.label ?? null,
    rank: null,
    status: m.row.status,
    warnings: v.warnings.map((w) => w.code),
    signerSubject: m.row.signerSubject,
    appraisedCount: m.appraisals.filter((a) => a.appraisedMilli !== null).length,
    importedAt: m.row.importedAt,
  };
};

const inputsText = (i: AnswerInputs): string => {
  const parts: string[] = [];
  if (i.numerator !== undefined || i.denominator !== undefined) parts.push(`${i.numerator ?? '?'}/${i.denominator ?? '?'}`);
  if (i.percent !== undefined) parts.push(`${formatPercent(milli(i.percent))} %`);
  if (i.count !== undefined) parts.push(`số lần: ${i.count}`);
  if (i.levelId !== undefined) parts.push(`mức: ${i.levelId}`);
  if (i.met !== undefined) parts.push(i.met ? 'Đạt' : 'Không đạt');
  if (i.externalValue !== undefined) parts.push(`giá trị: ${i.externalValue}`);
  if (i.manualPoints !== undefined) parts.push(`${formatPoints(milli(i.manualPoints))} điểm`);
  return parts.join('; ');
};

const PREVIEWABLE = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp']);
export const isPreviewable = (mediaType: string): boolean => PREVIEWABLE.has(mediaType);

const toTree = (nodes: readonly IndicatorNode[], score: AssessmentScore): TreeNode[] =>
  nodes.map((n) => ({
    nodeId: n.id,
    kind: score.byId[n.id]?.kind,
    ...(n.children?.length ? { children: toTree(n.children, score) } : {}),
  }));

/** Everything the detail page shows. */
export const detailOf = (ctx: BackendContext, m: ImportModel): InboxDetail => {
  const v = verificationOf(m.row);
  const byAnswer = new Map(m.answers.map((a) => [a.nodeId, a]));
  const byAppraisal = new Map(m.appraisals.map((a) => [a.nodeId, a]));
  const leafPoints = new Map(
    m.leaves.map((l) => {
      const a = isAppraisable(l.kind) ? byAppraisal.get(l.nodeId)?.appraisedMilli : null;
      return [l.nodeId, a ?? l.self] as const;
    }),
  );
  const rolled = rollUp(toTree(m.set.nodes, m.score), leafPoints);
  const nodes: InboxNode[] = allNodes(m.set).map(({ node, depth }) => {
    const s = m.score.byId[node.id]!;
    const ans = byAnswer.get(node.id);
    const ap = byAppraisal.get(node.id);
    const leaf = isLeaf(node);
    const parsed = ans ? parseValue(ans.valueJson) : null;
    return {
      nodeId: node.id,
      code: node.code,
      title: node.title,
      depth,
      isLeaf: leaf,
      kind: s.kind ?? null,
      max: s.max,
      self: s.score,
      appraised: rolled.get(node.id) ?? s.score,
      override: leaf ? (ap?.appraisedMilli ?? null) : null,
      comment: ap?.comment ?? '',
      editable: leaf && !!s.kind && isAppraisable(s.kind as NodeKind),
      status: s.status,
      explanation: s.explanation,
      note: ans?.note ?? '',
      evidenceWaiver: m.waivers.get(node.id) ?? null,
      inputsText: parsed ? inputsText(parsed.inputs) : '',
      notApplicableReason: parsed?.notApplicable?.reason ?? null,
      evidence: ans?.evidence ?? [],
      survey: isReceiverMeasured(node)
        ? {
            value: m.surveyValues.has(node.id) ? fromMilli(m.surveyValues.get(node.id)!) : null,
            valueUnit: node.method?.type === 'EXTERNAL' ? ('scale' as const) : ('percent' as const),
            scaleMax: node.method?.type === 'EXTERNAL' ? node.method.scaleMax : 100,
          }
        : null,
    };
  });
  const active = activeImportOf(ctx.db, m.row.unitCode, m.row.year);
  return {
    row: rowOf(m),
    setName: m.set.name,
    supersedes: m.row.supersedes,
    superseded: !!active && active.id !== m.row.id,
    revisions: listUnitHistory(ctx.db, m.row.unitCode, m.row.year).map((r) => ({
      importId: r.id,
      submissionId: r.submissionId,
      revision: r.revision,
      importedAt: r.importedAt,
    })),
    verification: {
      status: v.status,
      code: v.code,
      message: v.message,
      warnings: v.warnings,
      signer: v.signer,
      chain: v.chain,
      signingTime: v.signingTime,
      checkedAt: v.checkedAt,
      bundleSha256: m.row.bundleSha256,
      bundleSize: m.row.bundleSize,
    },
    totals: { self: m.self, appraised: m.appraised },
    nodes,
    evidence: listImportedEvidence(ctx.db, m.row.id).map((e) => ({ ...e, previewable: isPreviewable(e.mediaType) })),
  };
};
