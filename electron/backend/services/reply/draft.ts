import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';

import { AppFailure } from '../../../../shared/ipc/result';
import type { AppraisalResult } from '../../../../shared/schemas/appraisal-result';
import { MEDIA_TYPES } from '../../../../shared/schemas/evidence';
import type { OnProgress } from '../../../../shared/domain/progress-steps';
import { step } from '../../../../shared/domain/progress-steps';
import type { BackendContext } from '../../context';
import { latestFinal, latestResult } from '../../db/repos/reply-result-repo';
import type { ReplyResultRow } from '../../db/repos/reply-result-repo';
import { insertReplyEvidence, replaceDraft } from '../../db/repos/reply-draft-repo';
import type { DraftEvidenceRef, DraftItemRow } from '../../db/repos/reply-draft-repo';
import { inTransaction } from '../../db/transaction';
import { cleanOriginalName } from '../evidence/attach';
import { detectFileKind } from '../evidence/detect';
import { registerEvidenceReference } from '../evidence/gc';
import { evidenceMaxBytes } from '../evidence/limits';
import { commitTemp, copyToTemp, discardTemp } from '../evidence/store';
import { libraryOf } from './view';

// Files added for a giải trình live in the content-addressed store; this table keeps them from its GC.
registerEvidenceReference({ table: 'reply_evidence', column: 'sha256' });

export const requireResult = (ctx: BackendContext, resultId: string): ReplyResultRow => {
  const r = latestResult(ctx.db, resultId);
  if (!r) throw AppFailure.of('REPLY_RESULT_NOT_FOUND');
  return r;
};

/** The draft is editable until the round closes: once the final result is held, nothing more can be sent. */
const requireOpenRound = (ctx: BackendContext, resultId: string): ReplyResultRow => {
  const r = requireResult(ctx, resultId);
  if (latestFinal(ctx.db, resultId)) throw AppFailure.of('REPLY_ROUND_CLOSED');
  return r;
};

export type DraftInput = { nodeId: string; text: string; requested: number | null; evidence: DraftEvidenceRef[] };

/**
 * The rules a giải trình item must meet against the latest result revision: the criterion is in it, the
 * requested score is at most its maximum, every cited file is in the library (the assessment's documents
 * or those added for this giải trình). Shared by saving the draft and by the export, which re-checks
 * because a newer result revision or a removed document may have changed the outcome since.
 */
export const checkItems = (ctx: BackendContext, row: ReplyResultRow, items: readonly DraftInput[]): void => {
  const r = JSON.parse(row.json) as AppraisalResult;
  const library = libraryOf(ctx, row);
  for (const it of items) {
    const c = r.criteria.find((x) => x.nodeId === it.nodeId);
    if (!c) throw AppFailure.of('REPLY_NODE_UNKNOWN', { nodeId: it.nodeId });
    if (it.requested !== null && it.requested > c.max) throw AppFailure.of('REPLY_REQUESTED_OVER_MAX', { code: c.code, max: c.max });
    for (const e of it.evidence) if (!library.some((f) => f.source === e.source && f.refId === e.refId)) throw AppFailure.of('REPLY_EVIDENCE_UNKNOWN');
  }
};

/** Replaces the draft of a result (editable until the round closes; each export sends what it holds then). */
export const saveDraft = (ctx: BackendContext, resultId: string, items: DraftInput[]): void => {
  const row = requireOpenRound(ctx, resultId);
  const seen = new Set<string>();
  for (const it of items) {
    if (seen.has(it.nodeId)) throw AppFailure.of('REPLY_NODE_UNKNOWN', { nodeId: it.nodeId });
    seen.add(it.nodeId);
  }
  checkItems(ctx, row, items);
  const now = ctx.now().toISOString();
  const rows: Omit<DraftItemRow, 'updatedAt'>[] = items.map((i) => ({ ...i, evidence: [...new Map(i.evidence.map((e) => [`${e.source}:${e.refId}`, e])).values()] }));
  inTransaction(ctx.db, () => replaceDraft(ctx.db, resultId, rows, now));
};

/**
 * Adds one file for the giải trình: stream-copied into the evidence store with the same size limit and
 * content-type check as any evidence (services/evidence/store.ts, detect.ts), recorded against the result,
 * not in the assessment's library (which is locked once submitted).
 */
export const attachNew = async (
  ctx: BackendContext,
  resultId: string,
  file: { path: string; name: string },
  o: { signal?: AbortSignal; onProgress?: OnProgress } = {},
): Promise<{ evidenceId: string; originalName: string }> => {
  requireOpenRound(ctx, resultId);
  const name = cleanOriginalName(file.name);
  const total = (() => {
    try {
      return statSync(file.path).size;
    } catch {
      return 0; // copyToTemp refuses an unreadable file with its own reason
    }
  })();
  const copy = await copyToTemp(ctx.dataDir, file.path, {
    maxBytes: evidenceMaxBytes(),
    displayName: name,
    ...(o.signal ? { signal: o.signal } : {}),
    onBytes: (n) => o.onProgress?.(n, total, step('FILE', { name })),
  });
  let fileKind;
  try {
    fileKind = await detectFileKind(copy.tmpPath, copy.head, name);
    if (o.signal?.aborted) throw AppFailure.of('CANCELLED_BY_USER');
  } catch (e) {
    discardTemp(copy.tmpPath);
    throw e;
  }
  commitTemp(ctx.dataDir, copy);
  const id = randomUUID();
  inTransaction(ctx.db, () =>
    insertReplyEvidence(ctx.db, { id, resultId, sha256: copy.sha256, size: copy.size, fileKind, mediaType: MEDIA_TYPES[fileKind], originalName: name, createdAt: ctx.now().toISOString() }),
  );
  return { evidenceId: id, originalName: name };
};
