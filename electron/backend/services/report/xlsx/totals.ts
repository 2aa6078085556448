import { combineTotals, countsToScale, leafSums } from '../../../../../shared/domain/report/format';
import type { ReportModel } from '../../../../../shared/domain/report/model';
import { milliToNumber, sumFormula } from './styles';

/** Leaf rows of the table by how they count toward the total. */
export type LeafRows = { main: number[]; bonus: number[]; penalty: number[] };

/**
 * The grand-total score formula. Without bonus/penalty it is a plain SUM over the domain rows; with them it
 * follows the set's rule on the leaf rows: MAX(0, MIN(max, S+X + MIN(bonusCap, B) − MIN(penaltyCap, P))).
 * Returns null when the formula would not reproduce the engine's figure (a rule the sheet does not model);
 * the caller then writes the value, so the sheet never shows a total that disagrees with the app.
 */
export const totalScoreFormula = (
  m: ReportModel,
  col: string,
  domainRows: readonly number[],
  leaves: LeafRows,
): string | null => {
  const sums = leafSums(m.domains);
  const caps = {
    maxMilli: m.totals.maxMilli,
    bonusCapMilli: m.totals.bonus.capMilli,
    penaltyCapMilli: m.totals.penalty.capMilli,
  };
  if (combineTotals(sums, caps) !== m.totals.scoreMilli) return null;
  const simple = leaves.bonus.length === 0 && leaves.penalty.length === 0;
  if (simple && sums.main >= 0 && sums.main <= caps.maxMilli) return sumFormula(col, [...domainRows]);
  let f = sumFormula(col, leaves.main);
  if (leaves.bonus.length) f += `+MIN(${milliToNumber(caps.bonusCapMilli)},${sumFormula(col, leaves.bonus)})`;
  if (leaves.penalty.length) f += `-MIN(${milliToNumber(caps.penaltyCapMilli)},${sumFormula(col, leaves.penalty)})`;
  return `MAX(0,MIN(${milliToNumber(caps.maxMilli)},${f}))`;
};

/** SUM of the max of the scoring domains (bonus/penalty maxima are caps, not part of the scale). */
export const totalMaxFormula = (m: ReportModel, col: string, domainRows: ReadonlyMap<string, number>): string | null => {
  const main = m.domains.filter(countsToScale);
  const sum = main.reduce((a, d) => a + d.maxMilli, 0);
  const rows = main.map((d) => domainRows.get(d.code)).filter((r): r is number => r !== undefined);
  return sum === m.totals.maxMilli && rows.length === main.length ? sumFormula(col, rows) : null;
};
