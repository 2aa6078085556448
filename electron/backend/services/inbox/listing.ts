import type { InboxRow } from '../../../../shared/ipc/channels/inbox';
import { rankBlock } from '../../../../shared/domain/ranking';
import type { UnitType } from '../../../../shared/schemas/unit';
import type { BackendContext } from '../../context';
import { importedYears, listCurrentImports } from '../../db/repos/inbox-repo';
import { loadModel, rowOf } from './model';

export type Blocks = Record<UnitType, InboxRow[]>;

/**
 * The current revision of every imported submission of a year, scored with the appraisal so far and ranked
 * inside its block (sở / phường / xã, đặc khu). A submission whose set is no longer on this machine is
 * skipped rather than failing the whole listing (it is logged).
 */
export const rankedBlocks = (ctx: BackendContext, year: number): Blocks => {
  const blocks: Blocks = { SO: [], PHUONG: [], XA_DAC_KHU: [] };
  for (const row of listCurrentImports(ctx.db, year)) {
    try {
      blocks[row.unitType].push(rowOf(loadModel(ctx, row)));
    } catch (e) {
      ctx.logger.warn('inbox: cannot score an imported submission', { importId: row.id, error: e instanceof Error ? e.message : String(e) });
    }
  }
  const ranked = (rows: InboxRow[]): InboxRow[] => rankBlock(rows.map((r) => ({ ...r, id: r.importId }))).map(({ id: _id, ...r }) => r);
  return { SO: ranked(blocks.SO), PHUONG: ranked(blocks.PHUONG), XA_DAC_KHU: ranked(blocks.XA_DAC_KHU) };
};

/** The year to show by default: the requested one, else the latest with imports. */
export const pickYear = (ctx: BackendContext, year?: number): { years: number[]; year: number | null } => {
  const years = importedYears(ctx.db);
  return { years, year: year ?? years[0] ?? null };
};
