import type { RoundDashboard } from '../../../../shared/ipc/channels/round';
import { countByBlock, unitRoundStatus } from '../../../../shared/domain/round-state';
import type { BackendContext } from '../../context';
import { findRoundByYear } from '../../db/repos/round-repo';
import { roundStateYears, unitRoundFacts } from '../../db/repos/round-state-repo';
import { unitDay } from '../assessments/unit-day';

/**
 * Sở Nội vụ's dashboard of a year (the requested one, else the newest with a register or a round): each unit of
 * the round (or of the register when the year has no round yet) with its state and whether it is overdue, and
 * the counts per state per block. The rule is shared/domain/round-state.ts; the facts come from round-state-repo.ts.
 */
export const roundDashboard = (ctx: BackendContext, year?: number): RoundDashboard => {
  const years = roundStateYears(ctx.db);
  const y = year !== undefined && years.includes(year) ? year : (years[0] ?? null);
  const today = unitDay(ctx.now());
  if (y === null) return { years, year: null, hasRound: false, due: null, today, units: [], counts: countByBlock([]) };
  const round = findRoundByYear(ctx.db, y);
  const due = round?.deadlines.selfAssessmentDue ?? null;
  const units = unitRoundFacts(ctx.db, y).map((f) => ({
    code: f.code,
    name: f.name,
    block: f.block,
    importId: f.importId,
    revision: f.revision,
    importedAt: f.importedAt,
    ...unitRoundStatus({ ...f, due, today }),
  }));
  return { years, year: y, hasRound: round !== null, due, today, units, counts: countByBlock(units) };
};
