import { toMilli } from '../../../../shared/domain/points';
import { findNode } from '../../../../shared/domain/indicator-tree';
import type { InboxDetail } from '../../../../shared/ipc/channels/inbox';
import { AppFailure } from '../../../../shared/ipc/result';
import type { BackendContext } from '../../context';
import { activeImportOf } from '../../db/repos/inbox-repo';
import { saveReceivedSurvey } from '../../db/repos/received-survey-repo';
import { appraiserOf } from '../registry/register';
import { rangeProblem } from '../survey/values';
import { isReceiverMeasured } from './answer-check';
import { detailOf, loadModel, requireImport, setOf } from './model';

/**
 * Sở Nội vụ enters the survey (XHH) or external-index (SIPAS) result of a unit for one node, on the
 * appraisal page of the unit's active submission. It is stored per unit and year (migration 0150), so a new
 * revision keeps it, and it is the only source of those nodes' points in appraised totals and ranking.
 */
export const saveSurveyValue = (ctx: BackendContext, input: { importId: string; nodeId: string; value: number | null }): InboxDetail => {
  const row = requireImport(ctx, input.importId);
  const active = activeImportOf(ctx.db, row.unitCode, row.year);
  if (active && active.id !== row.id) throw AppFailure.of('INBOX_NOT_NEWEST', { revision: active.revision });
  const node = findNode(setOf(ctx, row), input.nodeId);
  if (!node || !isReceiverMeasured(node)) throw AppFailure.of('INBOX_LEAF_NOT_FOUND');
  let value: number | null = null;
  if (input.value !== null) {
    value = toMilli(input.value);
    if (value === null) throw AppFailure.of('SURVEY_PERCENT_RANGE', { code: node.code });
    const problem = rangeProblem(node, value);
    if (problem) throw problem;
  }
  saveReceivedSurvey(ctx.db, row.year, row.unitCode, node.id, value, ctx.now().toISOString(), appraiserOf(ctx));
  return detailOf(ctx, loadModel(ctx, row));
};
