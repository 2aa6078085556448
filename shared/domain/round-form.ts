import type { UnitType } from '../schemas/unit';
import { blockPhrase } from './blocks';

/**
 * The rules of Sở Nội vụ's round form (renderer/src/features/round/RoundEditor.tsx), as reasons of
 * shared/ipc/errors/reasons-round.ts with their params: the editor checks them before it sends, and the
 * backend (services/round/rounds.ts) again before it saves, so the user reads the same sentence either way
 * and never a schema's path. The round package's own checks (shared/schemas/round.ts roundConsistencyIssues)
 * stay as they are: they guard what arrives from outside.
 */
export type RoundForm = {
  year: number;
  /** The blocks that have an official set chosen. */
  blocks: readonly UnitType[];
  deadlines: { selfAssessmentDue: string | null; explanationStart: string | null; explanationEnd: string | null };
};

export type RoundFormProblem =
  | { reason: 'ROUND_YEAR_RANGE'; params: { min: number; max: number } }
  | { reason: 'ROUND_NO_SET'; params: Record<string, never> }
  | { reason: 'ROUND_BLOCK_WITHOUT_SET'; params: { year: number; block: string } }
  | { reason: 'ROUND_DATE_MISSING'; params: { field: string } }
  | { reason: 'ROUND_DATE_OUTSIDE'; params: { field: string; day: string; year: number; next: number } }
  | { reason: 'ROUND_WINDOW_ORDER'; params: { start: string; end: string } };

export const ROUND_YEAR_MIN = 2000;
export const ROUND_YEAR_MAX = 2100;

/** The phrase (shared/ipc/errors/phrases.ts) that names a deadline inside a reason. */
const DEADLINE_PHRASE = { selfAssessmentDue: 'DL_DUE', explanationStart: 'DL_START', explanationEnd: 'DL_END' } as const;

/**
 * The first rule the form breaks, or null. `unitBlocks` are the blocks of the register's units for the year
 * when known (the backend knows them; the editor does not): each needs a set.
 */
export const roundFormProblem = (form: RoundForm, unitBlocks: readonly UnitType[] = []): RoundFormProblem | null => {
  if (!Number.isInteger(form.year) || form.year < ROUND_YEAR_MIN || form.year > ROUND_YEAR_MAX) {
    return { reason: 'ROUND_YEAR_RANGE', params: { min: ROUND_YEAR_MIN, max: ROUND_YEAR_MAX } };
  }
  if (form.blocks.length === 0) return { reason: 'ROUND_NO_SET', params: {} };
  const missingSet = unitBlocks.find((b) => !form.blocks.includes(b));
  if (missingSet) return { reason: 'ROUND_BLOCK_WITHOUT_SET', params: { year: form.year, block: blockPhrase(missingSet) } };
  for (const key of ['selfAssessmentDue', 'explanationStart', 'explanationEnd'] as const) {
    const day = form.deadlines[key];
    if (!day) return { reason: 'ROUND_DATE_MISSING', params: { field: DEADLINE_PHRASE[key] } };
    // The giải trình comes after the appraisal: its window may run into the next year, never further.
    if (!day.startsWith(`${form.year}-`) && !day.startsWith(`${form.year + 1}-`)) {
      return { reason: 'ROUND_DATE_OUTSIDE', params: { field: DEADLINE_PHRASE[key], day, year: form.year, next: form.year + 1 } };
    }
  }
  const { explanationStart: start, explanationEnd: end } = form.deadlines as { explanationStart: string; explanationEnd: string };
  if (start > end) return { reason: 'ROUND_WINDOW_ORDER', params: { start, end } };
  return null;
};
