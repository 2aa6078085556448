import { existsSync, statSync } from 'node:fs';

import type { DecisionDetail, DecisionItem } from '../../../../shared/ipc/channels/decisions';
import type { ChannelParsedInput } from '../../../../shared/ipc/contract';
import { AppFailure } from '../../../../shared/ipc/result';
import type { BackendContext } from '../../context';
import {
  activeExplanation,
  deleteDecision,
  findClosing,
  findExplanation,
  listDecisions,
  listExplanationEvidence,
  listExplanationItems,
  saveDecision,
} from '../../db/repos/decisions-repo';
import type { ExplanationEvidenceRow, ExplanationRow } from '../../db/repos/decisions-repo';
import { activeImportOf } from '../../db/repos/inbox-repo';
import type { ImportedSubmissionRow } from '../../db/repos/inbox-repo';
import { inTransaction } from '../../db/transaction';
import { storePathFor } from '../evidence/store';
import { isPreviewable } from '../inbox/model';
import { finalScoresOf } from './final-scores';
import { assertYearOpen } from './guard';
import { historyOf } from './listing';

export const requireExplanation = (ctx: BackendContext, id: string): ExplanationRow => {
  const row = findExplanation(ctx.db, id);
  if (!row) throw AppFailure.of('DECISIONS_EXPLANATION_NOT_FOUND');
  return row;
};

const importOf = (ctx: BackendContext, x: ExplanationRow): ImportedSubmissionRow => {
  const row = activeImportOf(ctx.db, x.unitCode, x.year);
  if (!row) throw AppFailure.of('INBOX_IMPORT_NOT_FOUND');
  return row;
};

/** Self, appraised, requested, the unit's text, its new evidence and Sở's decision, per disputed criterion. */
export const decisionDetailOf = (ctx: BackendContext, x: ExplanationRow): DecisionDetail => {
  const data = finalScoresOf(ctx, importOf(ctx, x), x, x.resultId);
  const byNode = new Map(data.criteria.map((c) => [c.nodeId, c]));
  const decisions = new Map(listDecisions(ctx.db, x.id).map((d) => [d.nodeId, d]));
  const files = new Map(listExplanationEvidence(ctx.db, x.id).map((e) => [e.path, e]));
  const items: DecisionItem[] = listExplanationItems(ctx.db, x.id).map((i) => {
    const c = byNode.get(i.nodeId);
    const d = decisions.get(i.nodeId);
    return {
      nodeId: i.nodeId,
      code: c?.code ?? i.code,
      title: c?.title ?? '',
      max: c?.max ?? 0,
      self: c?.self ?? 0,
      appraised: c?.appraised ?? 0,
      appraisalReason: c?.reason ?? '',
      requested: i.requestedMilli,
      text: i.text,
      evidence: i.evidence.flatMap((p) => {
        const e = files.get(p);
        return e ? [{ path: e.path, originalName: e.originalName, mediaType: e.mediaType, size: e.size, previewable: isPreviewable(e.mediaType) }] : [];
      }),
      decision: d?.decision ?? null,
      finalMilli: d?.finalMilli ?? null,
      reasonCode: d?.reasonCode ?? '',
      reason: d?.reason ?? '',
    };
  });
  return {
    explanationRowId: x.id,
    unitCode: x.unitCode,
    unitName: x.unitName,
    unitType: x.unitType,
    year: x.year,
    revision: x.revision,
    history: historyOf(ctx, x),
    receivedOn: x.receivedOn,
    signerSubject: x.signerSubject,
    closed: !!findClosing(ctx.db, x.year),
    items,
    totals: data.totals,
  };
};

/**
 * Sở's decision on one disputed criterion of the unit's active giải trình: ACCEPTED with a new exact score
 * within [0, max] (it may equal the requested one), or KEPT (the appraised score stays) with a reason code
 * and a written reason; null removes the decision. Refused after the year's round is closed.
 */
export const decide = (ctx: BackendContext, input: ChannelParsedInput<'decisions.decide'>): DecisionDetail => {
  const x = requireExplanation(ctx, input.explanationRowId);
  return inTransaction(ctx.db, () => {
    assertYearOpen(ctx, x.year);
    const active = activeExplanation(ctx.db, x.year, x.unitCode);
    if (active && active.id !== x.id) throw AppFailure.of('DECISIONS_NOT_ACTIVE', { revision: active.revision });
    const criterion = finalScoresOf(ctx, importOf(ctx, x), x, x.resultId).criteria.find((c) => c.nodeId === input.nodeId);
    const item = listExplanationItems(ctx.db, x.id).find((i) => i.nodeId === input.nodeId);
    if (!item || !criterion) throw AppFailure.of('DECISIONS_NOT_DISPUTED', { nodeId: input.nodeId });
    const decidedAt = ctx.now().toISOString();
    if (input.decision === null) deleteDecision(ctx.db, x.id, input.nodeId);
    else if (input.decision === 'ACCEPTED') {
      const v = input.finalMilli;
      if (v === null || !Number.isSafeInteger(v) || v < 0 || v > criterion.max) throw AppFailure.of('DECISIONS_SCORE_RANGE', { max: criterion.max });
      saveDecision(ctx.db, x.id, { nodeId: input.nodeId, decision: 'ACCEPTED', finalMilli: v, reasonCode: input.reasonCode, reason: input.reason.trim(), decidedAt });
    } else {
      if (input.reasonCode === '' || input.reason.trim() === '') throw AppFailure.of('DECISIONS_REASON_REQUIRED');
      saveDecision(ctx.db, x.id, { nodeId: input.nodeId, decision: 'KEPT', finalMilli: criterion.appraised, reasonCode: input.reasonCode, reason: input.reason.trim(), decidedAt });
    }
    return decisionDetailOf(ctx, x);
  });
};

/** A new evidence file of a giải trình that may be shown (PDF or image), after a size check of the stored copy. */
export const previewableExplanationEvidence = (ctx: BackendContext, rowId: string, path: string): { file: string; evidence: ExplanationEvidenceRow } => {
  requireExplanation(ctx, rowId);
  const e = listExplanationEvidence(ctx.db, rowId).find((x) => x.path === path);
  if (!e) throw AppFailure.of('DECISIONS_EVIDENCE_NOT_FOUND');
  if (!isPreviewable(e.mediaType)) throw AppFailure.of('INBOX_PREVIEW_PDF_OR_IMAGE');
  const file = storePathFor(ctx.dataDir, e.sha256);
  if (!existsSync(file) || statSync(file).size !== e.size) throw AppFailure.of('STORED_FILE_CHANGED', { name: e.originalName });
  return { file, evidence: e };
};
