import type { DecisionsList, DecisionUnitRow } from '../../../../shared/ipc/channels/decisions';
import { compareVietnamese, BLOCKS } from '../../../../shared/domain/ranking';
import type { BackendContext } from '../../context';
import { activeExplanation, findClosing, listClosedUnits, listDecisions, listExplanationItems, listUnitExplanations } from '../../db/repos/decisions-repo';
import type { ExplanationRow } from '../../db/repos/decisions-repo';
import { listCurrentImports } from '../../db/repos/inbox-repo';
import { findRoundByYear } from '../../db/repos/round-repo';
import { loadModel } from '../inbox/model';
import { pickYear } from '../inbox/listing';
import type { FinalData } from './final-scores';

/** Earlier revisions of the unit's giải trình (the superseded ones), newest first. */
export const historyOf = (ctx: BackendContext, x: ExplanationRow): { revision: number; importedAt: string }[] =>
  listUnitExplanations(ctx.db, x.year, x.unitCode)
    .filter((r) => r.id !== x.id)
    .map(({ revision, importedAt }) => ({ revision, importedAt }));

/** How far Sở is with a unit's giải trình: none (NOT_DISPUTED), some criteria undecided (PENDING), or all decided. */
export const disputeOf = (ctx: BackendContext, year: number, unitCode: string): { explanation: ExplanationRow | null; items: number; undecided: number } => {
  const x = activeExplanation(ctx.db, year, unitCode);
  if (!x) return { explanation: null, items: 0, undecided: 0 };
  const decided = new Set(listDecisions(ctx.db, x.id).map((d) => d.nodeId));
  const items = listExplanationItems(ctx.db, x.id);
  return { explanation: x, items: items.length, undecided: items.filter((i) => !decided.has(i.nodeId)).length };
};

/** Every unit with a submission in the year, by block then Vietnamese name; after closing, with its final result. */
export const listYear = (ctx: BackendContext, requested?: number): DecisionsList => {
  const { years, year } = pickYear(ctx, requested);
  if (year === null) return { years, year, closedAt: null, window: null, units: [] };
  const closing = findClosing(ctx.db, year);
  const closed = new Map(closing ? listClosedUnits(ctx.db, year).map((u) => [u.unitCode.toLowerCase(), u]) : []);
  const round = findRoundByYear(ctx.db, year);
  const units: DecisionUnitRow[] = [];
  for (const row of listCurrentImports(ctx.db, year)) {
    const d = disputeOf(ctx, year, row.unitCode);
    const c = closed.get(row.unitCode.toLowerCase());
    const final = c ? (JSON.parse(c.finalJson) as FinalData).totals.final : null;
    let appraisedTotal = 0;
    try {
      appraisedTotal = loadModel(ctx, row).appraised.final;
    } catch (e) {
      ctx.logger.warn('decisions: cannot score an imported submission', { importId: row.id, error: e instanceof Error ? e.message : String(e) });
    }
    units.push({
      unitCode: row.unitCode,
      unitName: row.unitName,
      unitType: row.unitType,
      importId: row.id,
      explanationRowId: d.explanation?.id ?? null,
      revision: d.explanation?.revision ?? null,
      state: !d.explanation ? 'NOT_DISPUTED' : d.undecided > 0 ? 'PENDING' : 'DECIDED',
      items: d.items,
      undecided: d.undecided,
      appraisedTotal,
      finalTotal: final?.final ?? null,
      finalIndex: final?.index ?? null,
      classification: final?.classification?.label ?? null,
      rank: c?.rank ?? null,
    });
  }
  units.sort((a, b) => BLOCKS.indexOf(a.unitType) - BLOCKS.indexOf(b.unitType) || compareVietnamese(a.unitName, b.unitName));
  return {
    years,
    year,
    closedAt: closing?.closedAt ?? null,
    window: round ? { start: round.deadlines.explanationStart, end: round.deadlines.explanationEnd } : null,
    units,
  };
};
