import { cappedIndexOf } from '../domain/points';
import type { PackageTotals } from './exchange-common';
import type { NodeKind } from './indicator-set';

/**
 * The arithmetic of a result package's totals against its own lines (appraisal-result and final-result,
 * docs/package-formats.md): what can be checked without the indicator set. The caps (bonusCap, penaltyCap,
 * maxTotal), the not-applicable answers behind `applicableMax` and the classification bands live in the set,
 * so those are checked as bounds; every sum, the index and the split by kind are checked exactly where the
 * lines say enough. A package whose totals do not follow from its lines is refused at step 8 (a unit would
 * otherwise build its giải trình on numbers the lines do not support), and the Sở Nội vụ builders run the same
 * check on their own output before signing.
 */

/** A criterion line of one column: its kind (from the line) and the points it carries in that column. */
export type TotalsCriterion = { kind: NodeKind; max: number; points: number };

/**
 * A survey line (survey and external-index leaves, measured by Sở Nội vụ): the line does not say its kind,
 * so it may count toward any bucket. `points` are exact for the column they were written for; null means
 * "anything in [0, max]" (not entered yet, or a column the line does not show).
 */
export type TotalsSurvey = { max: number; points: number | null };

/** [path, why] like the other package rules; `field` is e.g. "totals.appraised". */
export const totalsIssues = (field: string, t: PackageTotals, criteria: readonly TotalsCriterion[], survey: readonly TotalsSurvey[]): [string, string][] => {
  const out: [string, string][] = [];
  const sum = (kinds: readonly NodeKind[]): number => criteria.filter((c) => kinds.includes(c.kind)).reduce((n, c) => n + c.points, 0);
  const base = sum(['SELF', 'SURVEY']);
  const bonus = sum(['BONUS']);
  const penalty = sum(['PENALTY']);
  const low = survey.reduce((n, s) => n + (s.points ?? 0), 0);
  const high = survey.reduce((n, s) => n + (s.points ?? s.max), 0);
  // Every survey line's points sit in exactly one bucket; every criterion's in the bucket of its kind.
  const extra = t.self + t.survey + t.bonus + t.penalty - (base + bonus + penalty);
  if (extra < low || extra > high) out.push([field, `self + survey + bonus + penalty do not add up to the lines (${base + bonus + penalty} from criteria, ${low}–${high} from survey lines)`]);
  if (t.self + t.survey < base) out.push([`${field}.self`, `self + survey below the criteria's ${base}`]);
  if (t.bonus < bonus) out.push([`${field}.bonus`, `below the bonus lines' ${bonus}`]);
  if (t.penalty < penalty) out.push([`${field}.penalty`, `below the penalty lines' ${penalty}`]);
  // final = clamp(self + survey + min(bonus, cap) − min(penalty, cap), 0, maxTotal): never above the uncapped sum.
  if (t.final > t.self + t.survey + t.bonus) out.push([`${field}.final`, 'above self + survey + bonus']);
  const maxima = criteria.filter((c) => c.kind === 'SELF' || c.kind === 'SURVEY').reduce((n, c) => n + c.max, 0) + survey.reduce((n, s) => n + s.max, 0);
  if (t.applicableMax > maxima) out.push([`${field}.applicableMax`, `above the lines' maximum ${maxima}`]);
  const index = cappedIndexOf(t.final, t.applicableMax);
  if (t.index !== index) out.push([`${field}.index`, `index ${t.index} ≠ ${index} = final ÷ applicableMax`]);
  if (t.index === null && t.classification !== null) out.push([`${field}.classification`, 'a classification without an index']);
  return out;
};

/**
 * The columns of a result package, each against its lines: `self` takes every survey line as a range (the points
 * a line shows are the appraised ones), the other columns take the survey points as shown (a giải trình answers
 * criteria only, so they hold for the final column too).
 */
export const resultColumnsIssues = <C extends string>(
  r: { criteria: readonly ({ kind: NodeKind; max: number } & Record<C, number>)[]; survey: readonly TotalsSurvey[]; totals: Record<C, PackageTotals> },
  columns: readonly C[],
): [string, string][] =>
  columns.flatMap((col) =>
    totalsIssues(
      `totals.${col}`,
      r.totals[col],
      r.criteria.map((c) => ({ kind: c.kind, max: c.max, points: c[col] })),
      col === 'self' ? r.survey.map((s) => ({ max: s.max, points: null })) : r.survey,
    ),
  );
