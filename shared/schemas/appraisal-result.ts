import { z } from 'zod';

import {
  appField,
  calendarDaySchema,
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
 * The appraisal-result package (Sở Nội vụ → one unit, docs/package-formats.md): for every scored criterion
 * the unit's self score, the appraised score and the reason for any difference; the survey points Sở Nội vụ
 * entered; both totals; the provisional rank in the block; and the giải trình window. It names the submission
 * it appraised (id, revision, SHA-256 of the bundle) so the unit can tell it answers what it sent.
 */
export const APPRAISAL_RESULT_KIND = 'appraisal-result';
export const APPRAISAL_RESULT_PATH = 'result.json';

/** More than any set has leaves (the 2025 sets have < 100); bounded before anything iterates them. */
export const MAX_PACKAGE_CRITERIA = 2000;

export const resultCriterionSchema = z
  .object({
    nodeId: lineText(80).pipe(z.string().min(1)),
    code: lineText(40),
    title: lineText(1000),
    kind: z.enum(NODE_KINDS),
    max: packageMilli,
    self: packageMilli,
    appraised: packageMilli,
    /** Required (non-empty) when appraised ≠ self: a changed score always says why. */
    reason: blockText(4000),
  })
  .strict();
export type ResultCriterion = z.infer<typeof resultCriterionSchema>;

export const resultSurveySchema = z
  .object({ nodeId: lineText(80).pipe(z.string().min(1)), code: lineText(40), title: lineText(1000), max: packageMilli, points: packageMilli.nullable() })
  .strict();
export type ResultSurvey = z.infer<typeof resultSurveySchema>;

export const appraisalResultSchema = z
  .object({
    format: formatField,
    kind: z.literal(APPRAISAL_RESULT_KIND),
    /** Fixed for one unit in one round; a re-issue after a correction raises `revision`. */
    resultId: uuidSchema,
    revision: revisionField,
    createdAt: isoInstantSchema,
    app: appField,
    issuer: packageIssuerSchema,
    roundId: uuidSchema,
    year: z.number().int().min(2000).max(2100),
    unit: packageUnitSchema,
    submission: z.object({ submissionId: uuidSchema, revision: revisionField, bundleSha256: hex64 }).strict(),
    indicatorSet: packageSetRefSchema,
    criteria: z.array(resultCriterionSchema).max(MAX_PACKAGE_CRITERIA),
    survey: z.array(resultSurveySchema).max(MAX_PACKAGE_CRITERIA),
    totals: z.object({ self: packageTotalsSchema, appraised: packageTotalsSchema }).strict(),
    rank: packageRankSchema,
    /** The giải trình window of the round, both days included (Vietnam's calendar day). */
    explanationWindow: z.object({ start: calendarDaySchema, end: calendarDaySchema }).strict(),
  })
  .strict();
export type AppraisalResult = z.infer<typeof appraisalResultSchema>;

/**
 * Rules the schema cannot say, as [path, why]: ids unique, scores within max, a reason for every change, window
 * in order, both totals following from the lines (exchange-totals.ts; the survey points shown are the appraised
 * ones, so the self column takes them as a range).
 */
export const appraisalResultIssues = (r: AppraisalResult): [string, string][] => {
  const out = [...duplicateIds(r.criteria, 'criteria'), ...duplicateIds(r.survey, 'survey')];
  r.criteria.forEach((c, i) => {
    if (c.self > c.max || c.appraised > c.max) out.push([`criteria.${i}`, `score above max ${c.max}`]);
    if (c.appraised !== c.self && c.reason.trim() === '') out.push([`criteria.${i}.reason`, 'a changed score needs a reason']);
  });
  r.survey.forEach((s, i) => {
    if (s.points !== null && s.points > s.max) out.push([`survey.${i}.points`, `above max ${s.max}`]);
  });
  if (r.explanationWindow.start > r.explanationWindow.end) out.push(['explanationWindow.end', 'window ends before it starts']);
  if (r.rank.rank !== null && r.rank.rank > r.rank.of) out.push(['rank.rank', 'rank above the block size']);
  out.push(...resultColumnsIssues(r, ['self', 'appraised']));
  return out;
};
