import { existsSync, statSync } from 'node:fs';

import type { InboxDetail } from '../../../../shared/ipc/channels/inbox';
import { AppFailure } from '../../../../shared/ipc/result';
import { appraisalProblem, needsReason } from '../../../../shared/domain/ranking';
import type { NodeKind } from '../../../../shared/schemas/indicator-set';
import type { BackendContext } from '../../context';
import { activeImportOf, listImportedEvidence, saveAppraisal } from '../../db/repos/inbox-repo';
import type { ImportedEvidenceRow } from '../../db/repos/inbox-repo';
import { storePathFor } from '../evidence/store';
import { detailOf, isPreviewable, loadModel, requireImport } from './model';

/**
 * Stores the appraiser's value (or null: keep the unit's own score) and comment for one leaf, and answers
 * the detail with the totals recomputed. Only the unit's active submission is appraised, and a value
 * must fit the leaf (shared/domain/ranking.ts `appraisalProblem`) and a changed score needs its reason
 * (`needsReason`): nothing is stored otherwise.
 */
export const appraiseLeaf = (
  ctx: BackendContext,
  input: { importId: string; nodeId: string; appraisedMilli: number | null; comment: string },
): InboxDetail => {
  const row = requireImport(ctx, input.importId);
  // Only the active submission of the unit and year (the one imported last) is appraised.
  const active = activeImportOf(ctx.db, row.unitCode, row.year);
  if (active && active.id !== row.id) {
    throw AppFailure.of('INBOX_NOT_NEWEST', { revision: active.revision });
  }
  const model = loadModel(ctx, row);
  const leaf = model.leaves.find((l) => l.nodeId === input.nodeId);
  if (!leaf) throw AppFailure.of('INBOX_LEAF_NOT_FOUND');
  const problem = appraisalProblem({ kind: leaf.kind as NodeKind, max: leaf.max }, input.appraisedMilli);
  if (problem) throw AppFailure.of(problem);
  if (needsReason(leaf.self, input.appraisedMilli, input.comment)) {
    throw AppFailure.of('APPRAISAL_REASON_REQUIRED', { code: model.score.byId[leaf.nodeId]?.code ?? leaf.nodeId });
  }
  saveAppraisal(ctx.db, row.id, { nodeId: input.nodeId, appraisedMilli: input.appraisedMilli, comment: input.comment, updatedAt: ctx.now().toISOString() });
  return detailOf(ctx, loadModel(ctx, row));
};

/** An imported evidence file that may be shown (PDF or image), after a size check of the stored copy. */
export const previewableEvidence = (ctx: BackendContext, importId: string, path: string): { file: string; evidence: ImportedEvidenceRow } => {
  requireImport(ctx, importId);
  const e = listImportedEvidence(ctx.db, importId).find((x) => x.path === path);
  if (!e) throw AppFailure.of('INBOX_EVIDENCE_NOT_FOUND');
  if (!isPreviewable(e.mediaType)) throw AppFailure.of('INBOX_PREVIEW_PDF_OR_IMAGE');
  const file = storePathFor(ctx.dataDir, e.sha256);
  if (!existsSync(file) || statSync(file).size !== e.size) {
    throw AppFailure.of('STORED_FILE_CHANGED', { name: e.originalName });
  }
  return { file, evidence: e };
};
