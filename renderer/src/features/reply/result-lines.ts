import type { ReplySurveyRow } from '../../../../shared/ipc/channels/reply';
import type { PackageTotals } from '../../../../shared/schemas/exchange-common';

/**
 * The table of a result shows the survey (XHH/SIPAS) lines among the criteria, so the rows add up to the
 * totals Sở Nội vụ sent (shared/domain/ranking.ts counts the survey points in both totals). The package
 * keeps them apart (shared/schemas/appraisal-result.ts `survey`), so they are merged here by code.
 */
export type Line<R> = { kind: 'criterion'; row: R } | { kind: 'survey'; row: ReplySurveyRow };

// "1.10" after "1.9", "3.11" after "3.10": the set's codes compared number by number.
const byCode = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' }).compare;

/**
 * `head` (the differences, already ordered) stays on top untouched; `rest` (in the set's order) and the
 * survey lines (sorted by code) are merged, each keeping its own order.
 */
export const mergeSurvey = <R extends { code: string }>(head: readonly R[], rest: readonly R[], survey: readonly ReplySurveyRow[]): Line<R>[] => {
  const s = [...survey].sort((a, b) => byCode(a.code, b.code));
  const out: Line<R>[] = head.map((row) => ({ kind: 'criterion' as const, row }));
  let i = 0;
  let j = 0;
  while (i < rest.length || j < s.length) {
    if (j < s.length && (i >= rest.length || byCode(s[j]!.code, rest[i]!.code) < 0)) out.push({ kind: 'survey', row: s[j++]! });
    else out.push({ kind: 'criterion', row: rest[i++]! });
  }
  return out;
};

/** Whether the parts add up to the total without the set's caps on bonus/penalty or the [0, max] clamp. */
export const partsAddUp = (t: PackageTotals): boolean => t.self + t.survey + t.bonus - t.penalty === t.final;
