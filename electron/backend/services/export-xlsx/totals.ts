import { combineTotals } from '../../../../shared/domain/report/format';
import type { ReportModel } from '../../../../shared/domain/report/model';
import { milliToNumber, sumFormula } from './styles';

/**
 * The grand-total formulas. Without bonus/penalty blocks the total is a plain SUM over the domains; with them
 * it follows the set's rule MAX(0, MIN(max, S + MIN(bonusCap, B) − MIN(penaltyCap, P))). If the formula
 * could not reproduce the engine's figure (a rule the spreadsheet does not model), null is returned and the
 * caller writes the value itself, so the sheet never shows a total that disagrees with the app.
 */
export const totalScoreFormula = (
  m: ReportModel,
  col: string,
  domainRows: ReadonlyMap<string, number>,
): string | null => {
  const rowsOf = (pred: (k: string) => boolean): number[] =>
    m.summaries.filter((s) => pred(s.kind)).map((s) => domainRows.get(s.code)).filter((r): r is number => r !== undefined);
  if (rowsOf(() => true).length !== m.summaries.length) return null;
  const main = rowsOf((k) => k !== 'bonus' && k !== 'penalty');
  const bonus = rowsOf((k) => k === 'bonus');
  const penalty = rowsOf((k) => k === 'penalty');
  const caps = {
    maxMilli: m.totals.maxMilli,
    bonusCapMilli: m.totals.bonus.capMilli,
    penaltyCapMilli: m.totals.penalty.capMilli,
  };
  if (combineTotals(m.summaries, caps) !== m.totals.scoreMilli) return null;
  const mainSum = sumFormula(col, main);
  const mainRaw = m.summaries.filter((s) => s.kind !== 'bonus' && s.kind !== 'penalty').reduce((a, s) => a + s.scoreMilli, 0);
  if (bonus.length === 0 && penalty.length === 0 && mainRaw >= 0 && mainRaw <= m.totals.maxMilli) return mainSum;
  const parts = [mainSum];
  if (bonus.length) parts.push(`+MIN(${milliToNumber(caps.bonusCapMilli)},${sumFormula(col, bonus)})`);
  if (penalty.length) parts.push(`-MIN(${milliToNumber(caps.penaltyCapMilli)},${sumFormula(col, penalty)})`);
  return `MAX(0,MIN(${milliToNumber(caps.maxMilli)},${parts.join('')}))`;
};

/** SUM of the max of the scoring domains (bonus/penalty maxima are caps, not part of the scale). */
export const totalMaxFormula = (m: ReportModel, col: string, domainRows: ReadonlyMap<string, number>): string | null => {
  const main = m.summaries.filter((s) => s.kind !== 'bonus' && s.kind !== 'penalty');
  const sum = main.reduce((a, s) => a + s.maxMilli, 0);
  const rows = main.map((s) => domainRows.get(s.code)).filter((r): r is number => r !== undefined);
  return sum === m.totals.maxMilli && rows.length === main.length ? sumFormula(col, rows) : null;
};
