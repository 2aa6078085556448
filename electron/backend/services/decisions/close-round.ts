import { BLOCKS, rankBlock } from '../../../../shared/domain/ranking';
import type { DecisionsList } from '../../../../shared/ipc/channels/decisions';
import { AppFailure } from '../../../../shared/ipc/result';
import type { BackendContext } from '../../context';
import { insertClosing, latestIssuedResult } from '../../db/repos/decisions-repo';
import type { ClosedUnitRow } from '../../db/repos/decisions-repo';
import { listCurrentImports } from '../../db/repos/inbox-repo';
import { findRoundByYear } from '../../db/repos/round-repo';
import { inTransaction } from '../../db/transaction';
import { finalScoresOf } from './final-scores';
import { assertYearOpen } from './guard';
import { disputeOf, listYear } from './listing';

/**
 * Closes the round of a year (docs/package-formats.md §6): every unit with a submission gets its final scores
 * (final-scores.ts), classification and rank in its block (shared/domain/ranking.ts `rankBlock`: by final
 * index, ties share a rank, Vietnamese order of names inside a tie). Refused while any unit's giải trình has
 * an undecided criterion (the list is in the error); a unit that sent none is NOT_DISPUTED. Everything is
 * stored in one transaction; afterwards the year's appraisals and decisions are read-only (guard.ts).
 */
export const closeYear = (ctx: BackendContext, year: number): DecisionsList => {
  inTransaction(ctx.db, () => {
    assertYearOpen(ctx, year);
    const round = findRoundByYear(ctx.db, year);
    if (!round) throw AppFailure.of('DECISIONS_NO_ROUND', { year });
    const rows = listCurrentImports(ctx.db, year);
    if (rows.length === 0) throw AppFailure.of('DECISIONS_NOTHING_TO_CLOSE', { year });
    const disputes = rows.map((row) => ({ row, ...disputeOf(ctx, year, row.unitCode) }));
    const undecided = disputes.filter((d) => d.undecided > 0).map((d) => d.row.unitCode);
    if (undecided.length) throw AppFailure.of('DECISIONS_UNDECIDED', { units: undecided.join(', ') }, { units: undecided });
    const units: Omit<ClosedUnitRow, 'rank' | 'rankOf'>[] = disputes.map(({ row, explanation }) => {
      const data = finalScoresOf(ctx, row, explanation, round.id);
      return {
        year,
        unitCode: row.unitCode,
        unitName: row.unitName,
        unitType: row.unitType,
        importId: row.id,
        resultId: latestIssuedResult(ctx.db, year, row.unitCode)?.resultId ?? null,
        explanationRow: explanation?.id ?? null,
        finalMilli: data.totals.final.final,
        finalJson: JSON.stringify(data),
      };
    });
    const ranked: ClosedUnitRow[] = [];
    for (const block of BLOCKS) {
      const inBlock = units.filter((u) => u.unitType === block);
      const indexOf = (u: (typeof units)[number]): number | null => (JSON.parse(u.finalJson) as { totals: { final: { index: number | null } } }).totals.final.index;
      for (const r of rankBlock(inBlock.map((u) => ({ ...u, id: u.unitCode, index: indexOf(u) })))) {
        const { id: _id, index: _index, ...u } = r;
        ranked.push({ ...u, rank: r.rank, rankOf: inBlock.length });
      }
    }
    insertClosing(ctx.db, { year, roundId: round.id, closedAt: ctx.now().toISOString() }, ranked);
  });
  ctx.logger.info('decisions: round closed', { year });
  return listYear(ctx, year);
};
