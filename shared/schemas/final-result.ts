import { z } from 'zod';

import { MAX_PACKAGE_CRITERIA, resultSurveySchema } from './appraisal-result';
import {
  appField,
  duplicateIds,
  formatField,
  isoInstantSchema,
  packageIssuerSchema,
  packageMilli,
  packageRankSchema,
  packageSetRefSchema,
  packageTotalsSchema,
  packageUnitSchema,
  revisionField,
  uuidSchema,
} from './exchange-common';
import { resultColumnsIssues } from './exchange-totals';
import { NODE_KINDS } from './indicator-set';
import { blockText, hex64, lineText } from './submission';

/**
 * The final-result package (Sở Nội vụ → one unit, docs/package-formats.md), issued when Sở Nội vụ closes the
 * round: per criterion the self, appraised and final score with the decision on the unit's giải trình
 * (ACCEPTED: a new score; KEPT: the appraised score stays, with a reason; NOT_DISPUTED: the unit did not
 * answer on it), the survey points, the three totals, and the final classification and rank in the block.
 */
export const FINAL_RESULT_KIND = 'final-result';
export const FINAL_RESULT_PATH = 'final.json';

export const FINAL_DECISIONS = ['NOT_DISPUTED', 'ACCEPTED', 'KEPT'] as const;
export type FinalDecision = (typeof FINAL_DECISIONS)[number];

export const finalCriterionSchema = z
  .object({
    nodeId: lineText(80).pipe(z.string().min(1)),
    code: lineText(40),
    title: lineText(1000),
    kind: z.enum(NODE_KINDS),
    max: packageMilli,
    self: packageMilli,
    appraised: packageMilli,
    final: packageMilli,
    /** Why the appraised score differs from the self score (as in the result package). */
    reason: blockText(4000),
    decision: z.enum(FINAL_DECISIONS),
    /** Required for KEPT (why the giải trình was not accepted); optional otherwise. */
    decisionReason: blockText(4000),
  })
  .strict();
export type FinalCriterion = z.infer<typeof finalCriterionSchema>;

export const finalResultSchema = z
  .object({
    format: formatField,
    kind: z.literal(FINAL_RESULT_KIND),
    /** The appraisal result this closes (same id as the result package the unit received). */
    resultId: uuidSchema,
    revision: revisionField,
    createdAt: isoInstantSchema,
    closedAt: isoInstantSchema,
    app: appField,
    issuer: packageIssuerSchema,
    roundId: uuidSchema,
    year: z.number().int().min(2000).max(2100),
    unit: packageUnitSchema,
    submission: z.object({ submissionId: uuidSchema, revision: revisionField, bundleSha256: hex64 }).strict(),
    indicatorSet: packageSetRefSchema,
    criteria: z.array(finalCriterionSchema).max(MAX_PACKAGE_CRITERIA),
    survey: z.array(resultSurveySchema).max(MAX_PACKAGE_CRITERIA),
    totals: z.object({ self: packageTotalsSchema, appraised: packageTotalsSchema, final: packageTotalsSchema }).strict(),
    rank: packageRankSchema,
  })
  .strict();
export type FinalResult = z.infer<typeof finalResultSchema>;

/**
 * Rules the schema cannot say: ids unique, scores within max, KEPT keeps the appraised score with a reason,
 * NOT_DISPUTED changes nothing, the three totals following from the lines (exchange-totals.ts; a giải trình
 * answers criteria only, so the survey points shown hold for the appraised and the final column alike).
 */
export const finalResultIssues = (r: FinalResult): [string, string][] => {
  const out = [...duplicateIds(r.criteria, 'criteria'), ...duplicateIds(r.survey, 'survey')];
  r.criteria.forEach((c, i) => {
    if (c.self > c.max || c.appraised > c.max || c.final > c.max) out.push([`criteria.${i}`, `score above max ${c.max}`]);
    if (c.appraised !== c.self && c.reason.trim() === '') out.push([`criteria.${i}.reason`, 'a changed score needs a reason']);
    if (c.decision === 'KEPT' && (c.final !== c.appraised || c.decisionReason.trim() === '')) out.push([`criteria.${i}.decision`, 'KEPT keeps the appraised score and says why']);
    if (c.decision === 'NOT_DISPUTED' && c.final !== c.appraised) out.push([`criteria.${i}.decision`, 'a criterion not disputed keeps the appraised score']);
  });
  if (r.rank.rank !== null && r.rank.rank > r.rank.of) out.push(['rank.rank', 'rank above the block size']);
  out.push(...resultColumnsIssues(r, ['self', 'appraised', 'final']));
  return out;
};
