import { createHash } from 'node:crypto';

import { canonicalJson } from '../../../../shared/domain/canonical-json';
import { isAppraisable, needsReason } from '../../../../shared/domain/ranking';
import type { Milli } from '../../../../shared/domain/points';
import type { AppraisalResult, ResultCriterion, ResultSurvey } from '../../../../shared/schemas/appraisal-result';
import type { NodeKind } from '../../../../shared/schemas/indicator-set';

/**
 * The pure parts of an appraisal-result (shared/schemas/appraisal-result.ts, docs/package-formats.md §4):
 * which leaf goes where, the appraised score and its reason, the rank line, the stable result id and the
 * file name. build-result.ts feeds them from the inbox model (services/inbox/model.ts).
 */

/** One leaf as the inbox holds it: the unit's self score and what the appraiser entered. */
export type LeafFacts = {
  nodeId: string;
  code: string;
  title: string;
  kind: NodeKind;
  max: Milli;
  /** The unit's self score (survey leaves: the points from what Sở Nội vụ entered). */
  self: Milli;
  /** The appraiser's value (null: the self score stands). */
  override: Milli | null;
  comment: string;
  /** Survey / external-index leaves are measured by Sở Nội vụ, never by the unit (services/inbox/answer-check.ts). */
  receiverMeasured: boolean;
  /** Whether Sở Nội vụ entered a value for a receiver-measured leaf. */
  surveyEntered: boolean;
};

/** Criteria (self vs appraised, with the reason) and survey lines (points Sở Nội vụ entered, null: none yet). */
export const linesOf = (leaves: readonly LeafFacts[]): { criteria: ResultCriterion[]; survey: ResultSurvey[] } => {
  const criteria: ResultCriterion[] = [];
  const survey: ResultSurvey[] = [];
  for (const l of leaves) {
    const appraised = isAppraisable(l.kind) ? (l.override ?? l.self) : l.self;
    if (l.receiverMeasured) {
      survey.push({ nodeId: l.nodeId, code: l.code, title: l.title, max: l.max, points: l.surveyEntered ? appraised : null });
    } else {
      criteria.push({ nodeId: l.nodeId, code: l.code, title: l.title, kind: l.kind, max: l.max, self: l.self, appraised, reason: l.comment });
    }
  }
  return { criteria, survey };
};

/** The first leaf whose changed score has no reason (old data, stored before the rule): its code, or null. */
export const firstMissingReason = (leaves: readonly LeafFacts[]): string | null =>
  leaves.find((l) => isAppraisable(l.kind) && needsReason(l.self, l.override, l.comment))?.code ?? null;

/** The unit's place in its ranked block (ties share a rank; null when it has no index). */
export const rankLine = (ranked: readonly { importId: string; rank: number | null }[], importId: string): AppraisalResult['rank'] => {
  const me = ranked.find((r) => r.importId === importId);
  return { rank: me?.rank ?? null, of: Math.max(ranked.length, 1) };
};

/**
 * One result id per (round, unit), the same on every machine and every re-issue: a name-based UUID
 * (version 8 layout) from the SHA-256 of both, so a re-issue after a correction keeps the id and only the
 * revision grows, even before anything was recorded in issued_result.
 */
export const resultIdOf = (roundId: string, unitCode: string): string => {
  const h = createHash('sha256').update(`appraisal-result\u0000${roundId}\u0000${unitCode.toUpperCase()}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
};

/** `<MãĐơnVị>_KetQuaThamDinh_<năm>_r<lần>.asice` (docs/package-formats.md §4). */
export const resultFileName = (unitCode: string, year: number, revision: number): string => `${unitCode}_KetQuaThamDinh_${year}_r${revision}.asice`;

/**
 * What the unit would see change: the submission answered, every line and both totals. Rank and dates are
 * left out (another unit's appraisal moves the rank; that alone is no reason to re-send).
 */
export const appraisalFingerprint = (r: Pick<AppraisalResult, 'submission' | 'criteria' | 'survey' | 'totals'>): string =>
  createHash('sha256').update(canonicalJson({ submission: r.submission, criteria: r.criteria, survey: r.survey, totals: r.totals })).digest('hex');
