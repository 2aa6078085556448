import { AppFailure } from '../../../../shared/ipc/result';
import type { BackendContext } from '../../context';
import { findClosing } from '../../db/repos/decisions-repo';
import { findImported } from '../../db/repos/inbox-repo';

/** After a year's round is closed its appraisals and decisions are read-only (the final results are fixed). */
export const assertYearOpen = (ctx: BackendContext, year: number): void => {
  if (findClosing(ctx.db, year)) throw AppFailure.of('DECISIONS_ROUND_CLOSED', { year });
};

/** The same for an appraisal write on an imported submission (inbox.appraise, inbox.saveSurvey). */
export const assertImportOpen = (ctx: BackendContext, importId: string): void => {
  const row = findImported(ctx.db, importId);
  if (row) assertYearOpen(ctx, row.year);
};
