import { appraisedTotals, isAppraisable } from '../../../../shared/domain/ranking';
import type { Totals } from '../../../../shared/domain/ranking';
import type { AppraisalResult } from '../../../../shared/schemas/appraisal-result';
import type { FinalCriterion } from '../../../../shared/schemas/final-result';
import type { ResultSurvey } from '../../../../shared/schemas/appraisal-result';
import { nodeIndex } from '../../../../shared/domain/indicator-tree';
import type { BackendContext } from '../../context';
import { latestIssuedResult, listDecisions } from '../../db/repos/decisions-repo';
import type { DecisionRow, ExplanationRow } from '../../db/repos/decisions-repo';
import type { ImportedSubmissionRow } from '../../db/repos/inbox-repo';
import { isReceiverMeasured } from '../inbox/answer-check';
import { loadModel } from '../inbox/model';
import type { ImportModel } from '../inbox/model';

/** A changed appraised score always carries a reason (final-result schema); the fallback when none was written. */
const DEFAULT_APPRAISAL_REASON = 'Theo kết quả thẩm định của Sở Nội vụ.';

/** One unit's final scores as fixed at closing (closed_unit.final_json); the rank is set by the caller per block. */
export type FinalData = {
  roundId: string;
  submission: { submissionId: string; revision: number; bundleSha256: string };
  indicatorSet: { id: string; version: string; sha256: string };
  criteria: FinalCriterion[];
  survey: ResultSurvey[];
  totals: { self: Totals; appraised: Totals; final: Totals };
};

/** Why each criterion's appraised score differs from the self score, as the unit was told (the issued result), else the appraiser's comment. */
const reasonsOf = (ctx: BackendContext, m: ImportModel): Map<string, string> => {
  const out = new Map(m.appraisals.map((a) => [a.nodeId, a.comment] as const));
  const issued = latestIssuedResult(ctx.db, m.row.year, m.row.unitCode);
  if (issued) for (const c of (JSON.parse(issued.resultJson) as AppraisalResult).criteria) if (c.reason.trim()) out.set(c.nodeId, c.reason);
  return out;
};

/**
 * The final scores of one unit (docs/package-formats.md §6): per appraisable leaf, the appraised score with
 * Sở's decision on the giải trình applied — ACCEPTED replaces it by the decided score, KEPT and
 * NOT_DISPUTED keep it — and the three totals by shared/domain/ranking.ts (final = the appraised values
 * with the accepted ones on top, so survey points, caps and the denominator follow the same rules).
 */
export const finalScoresOf = (ctx: BackendContext, row: ImportedSubmissionRow, explanation: ExplanationRow | null, roundId: string): FinalData => {
  const m = loadModel(ctx, row);
  const decisions = new Map<string, DecisionRow>(explanation ? listDecisions(ctx.db, explanation.id).map((d) => [d.nodeId, d]) : []);
  const appraisedValues = new Map(m.appraisals.map((a) => [a.nodeId, a.appraisedMilli]));
  const finalValues = new Map(appraisedValues);
  for (const d of decisions.values()) if (d.decision === 'ACCEPTED') finalValues.set(d.nodeId, d.finalMilli);
  const nodes = nodeIndex(m.set);
  const reasons = reasonsOf(ctx, m);
  const criteria: FinalCriterion[] = [];
  const survey: ResultSurvey[] = [];
  for (const l of m.leaves) {
    const n = nodes.get(l.nodeId);
    const code = n?.code ?? l.nodeId;
    const title = n?.title ?? '';
    // The same split as the appraisal result (services/results/result-content.ts): survey leaves and leaves scored
    // from an external index are what Sở Nội vụ measured and entered, listed apart from the unit's own criteria.
    if (!isAppraisable(l.kind) || (n !== undefined && isReceiverMeasured(n))) {
      const points = isAppraisable(l.kind) ? (finalValues.get(l.nodeId) ?? l.self) : l.self;
      survey.push({ nodeId: l.nodeId, code, title, max: l.max, points: m.surveyValues.has(l.nodeId) ? points : null });
      continue;
    }
    const appraised = appraisedValues.get(l.nodeId) ?? l.self;
    const d = decisions.get(l.nodeId);
    const final = d?.decision === 'ACCEPTED' ? d.finalMilli : appraised;
    const written = reasons.get(l.nodeId)?.trim() ?? '';
    criteria.push({
      nodeId: l.nodeId,
      code,
      title,
      kind: l.kind,
      max: l.max,
      self: l.self,
      appraised,
      final,
      reason: appraised !== l.self && written === '' ? DEFAULT_APPRAISAL_REASON : written,
      decision: d ? d.decision : 'NOT_DISPUTED',
      decisionReason: d?.reason ?? '',
    });
  }
  return {
    roundId,
    submission: { submissionId: row.submissionId, revision: row.revision, bundleSha256: row.bundleSha256 },
    indicatorSet: { id: row.setId, version: row.setVersion, sha256: row.setSha256 },
    criteria,
    survey,
    totals: { self: m.self, appraised: m.appraised, final: appraisedTotals(m.leaves, finalValues, m.rules) },
  };
};
