import { AppFailure } from '../../../../shared/ipc/result';
import type { UnitType } from '../../../../shared/schemas/unit';
import type { BackendContext } from '../../context';
import { findClosing, listClosedUnits } from '../../db/repos/decisions-repo';
import type { ClosedUnitRow } from '../../db/repos/decisions-repo';
import type { FinalData } from './final-scores';

/** The blocks' titles as the ranking sheet prints them (services/inbox/ranking-sheet.ts, which loads exceljs). */

/** One line of the final results: totals in milli-points, index in hundredths of a percent. */
export type FinalRow = {
  rank: number | null;
  rankOf: number;
  unitCode: string;
  unitName: string;
  self: number;
  appraised: number;
  final: number;
  index: number | null;
  classification: string;
};
export type FinalTable = { year: number; closedAt: string; blocks: Record<UnitType, FinalRow[]> };

export const finalDataOf = (u: ClosedUnitRow): FinalData => JSON.parse(u.finalJson) as FinalData;

/** The closed year's final results by block, in rank order (as stored at closing: they never change). */
export const finalTableOf = (ctx: BackendContext, year: number): FinalTable => {
  const closing = findClosing(ctx.db, year);
  if (!closing) throw AppFailure.of('DECISIONS_NOT_CLOSED', { year });
  const blocks: Record<UnitType, FinalRow[]> = { SO: [], PHUONG: [], XA_DAC_KHU: [] };
  // closed_unit rows were inserted block by block in rank order (close-round.ts).
  for (const u of listClosedUnits(ctx.db, year)) {
    const t = finalDataOf(u).totals;
    blocks[u.unitType].push({
      rank: u.rank,
      rankOf: u.rankOf,
      unitCode: u.unitCode,
      unitName: u.unitName,
      self: t.self.final,
      appraised: t.appraised.final,
      final: t.final.final,
      index: t.final.index,
      classification: t.final.classification?.label ?? '',
    });
  }
  return { year, closedAt: closing.closedAt, blocks };
};
