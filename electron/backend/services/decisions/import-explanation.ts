import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';

import { EXPLANATION_KIND, MAX_EXPLANATION_EVIDENCE } from '../../../../shared/schemas/explanation';
import type { Explanation } from '../../../../shared/schemas/explanation';
import { EVIDENCE_PATH_RE } from '../../../../shared/schemas/submission';
import type { ExplanationImportResult } from '../../../../shared/ipc/channels/decisions';
import { AppFailure } from '../../../../shared/ipc/result';
import { step } from '../../../../shared/domain/progress-steps';
import type { OnProgress } from '../../../../shared/domain/progress-steps';
import type { BackendContext } from '../../context';
import { insertExplanation } from '../../db/repos/decisions-repo';
import { inTransaction } from '../../db/transaction';
import type { VerifyLimits } from '../bundle/constants';
import { deleteBlobIfUnreferenced, registerEvidenceReference } from '../evidence/gc';
import { closeStaging, sealStaged } from '../evidence/staging';
import { sha256OfFile } from '../../storage/file-digest';
import { checkedExchange } from '../bundle/verify/verify-process';
import { refusal, trustOf, verifyAndStageWith } from '../inbox/import-verify';
import type { ImportVerdict } from '../inbox/import-verify';
import { asImportFailure, commitStaged, stagedEvidence, throwIfStagingFailed } from '../inbox/staged-verdict';
import { checkExplanationRules } from './explanation-rules';

// New evidence of a giải trình is never garbage-collected while its row exists.
registerEvidenceReference({ table: 'received_explanation_evidence', column: 'sha256' });

/** A giải trình carries at most MAX_EXPLANATION_EVIDENCE files: far below a submission's limits, checked first. */
export const MAX_EXPLANATION_PACKAGE_BYTES = 2 * 1024 ** 3;
export const EXPLANATION_LIMITS: Partial<VerifyLimits> = {
  maxBundleBytes: MAX_EXPLANATION_PACKAGE_BYTES,
  maxEntries: MAX_EXPLANATION_EVIDENCE + 8,
  maxEntryBytes: 512 * 1024 ** 2,
  maxTotalBytes: 4 * 1024 ** 3,
};

export type Progress = OnProgress;

/**
 * The worker's check of a giải trình, its evidence staged as it is hashed: against Sở's anchors only (a giải
 * trình never falls back to the signer's own chain). Every file is staged (no reuse of stored copies: a
 * giải trình's few files are deduplicated when they are renamed into the store).
 */
export const verifyExplanation = (ctx: BackendContext, file: string, o: { signal?: AbortSignal; onProgress?: Progress }): Promise<ImportVerdict> =>
  verifyAndStageWith(
    ctx,
    file,
    {
      trust: { ...trustOf(ctx.dataDir), selfCheckWhenEmpty: false },
      checkSets: false,
      knownSets: [],
      imported: [],
      anyKind: true,
      expectKind: EXPLANATION_KIND,
      limits: EXPLANATION_LIMITS,
      ...(o.signal ? { signal: o.signal } : {}),
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    },
    { reuse: false },
  );

/**
 * Sở Nội vụ imports one giải trình package (docs/package-formats.md §5): the size is checked before a byte is
 * read; the isolated worker verifies it as an `explanation` and, in the same read, writes its evidence entries
 * into the store's temp files (evidence/staging.ts) and returns explanation.json's checked bytes, so this
 * process never reads the package itself except for its SHA-256 (computed meanwhile). Then the kind's step 8
 * once more on those bytes (for the typed content), the rules (explanation-rules.ts), and in one synchronous
 * step the temps renamed into the store and the giải trình inserted in one transaction. A refusal stores
 * nothing and leaves no temp file.
 */
export const importExplanation = async (
  ctx: BackendContext,
  source: string,
  o: { signal?: AbortSignal; onProgress?: Progress; verify?: (file: string) => Promise<ImportVerdict> } = {},
): Promise<ExplanationImportResult> => {
  const progress: Progress = o.onProgress ?? (() => {});
  const size = statSync(source).size;
  if (size > MAX_EXPLANATION_PACKAGE_BYTES) throw refusal('E_LIMIT', `${size} bytes`);
  progress(0, size, step('CHECKING_PACKAGE'));
  const digest = sha256OfFile(source, o.signal);
  digest.catch(() => {}); // awaited below unless the package is refused first
  const verdict = await (o.verify ? o.verify(source) : verifyExplanation(ctx, source, { ...(o.signal ? { signal: o.signal } : {}), onProgress: progress }));
  try {
    if (o.signal?.aborted) throw AppFailure.of('CANCELLED_BY_USER');
    throwIfStagingFailed(verdict);
    const v = verdict.result;
    if (v.status === 'INVALID') throw refusal(v.code, v.detail);
    const x: Explanation = checkedExchange(verdict, EXPLANATION_KIND);
    const signedAt = v.signingTime ? new Date(v.signingTime) : ctx.now();
    const accepted = checkExplanationRules(ctx, x, v.signer, signedAt);
    const packageSha256 = await digest;

    const evidence = v.files.filter((f) => EVIDENCE_PATH_RE.test(f.path));
    const { staged, reused } = stagedEvidence(verdict, evidence);
    if (reused.length) throw refusal('E_MISSING_ENTRY', reused[0]!.path); // every file was asked for
    progress(size, size, step('SAVING_EXPLANATION'));
    await sealStaged(staged);

    const id = randomUUID();
    const listed = new Map(x.evidence.map((e) => [e.path, e]));
    // From here to the end of the transaction everything is synchronous: GC cannot run in between.
    const created = commitStaged(ctx.dataDir, staged);
    try {
      inTransaction(ctx.db, () => {
        // Re-checked under the write lock: a concurrent import of the same revision loses here.
        checkExplanationRules(ctx, x, v.signer, signedAt);
        insertExplanation(
          ctx.db,
          {
            id,
            explanationId: x.explanationId,
            revision: x.revision,
            year: x.year,
            unitCode: accepted.unit.code,
            unitName: accepted.unit.name,
            unitType: accepted.unit.block,
            resultId: x.answers.resultId,
            resultRevision: x.answers.resultRevision,
            packageSha256,
            packageSize: size,
            signerSubject: v.signer?.subject ?? '',
            signerSha256: v.signer?.sha256 ?? '',
            receivedOn: accepted.receivedOn,
            explanationJson: JSON.stringify(x),
            verificationJson: JSON.stringify({ ...v, bundleSha256: packageSha256 }),
            importedAt: ctx.now().toISOString(),
          },
          x.items.map((i) => ({ nodeId: i.nodeId, code: i.code, text: i.text, requestedMilli: i.requested, evidence: i.evidence })),
          evidence.map((f) => {
            const e = listed.get(f.path)!;
            return { path: f.path, originalName: e.originalName, mediaType: e.mediaType, size: f.size, sha256: f.sha256 };
          }),
        );
      });
    } catch (e) {
      for (const sha of created) deleteBlobIfUnreferenced(ctx.db, ctx.dataDir, sha);
      throw e;
    }
    ctx.logger.info('decisions: explanation imported', { id, explanationId: x.explanationId, revision: x.revision, evidence: evidence.length });
    return {
      explanationRowId: id,
      unitCode: accepted.unit.code,
      unitName: accepted.unit.name,
      year: x.year,
      revision: x.revision,
      supersededRevision: accepted.previous?.revision ?? null,
      items: x.items.length,
      evidenceCount: evidence.length,
      status: v.status,
    };
  } catch (e) {
    throw asImportFailure(e);
  } finally {
    // Whatever was staged and not committed (a refusal, a cancel) goes.
    closeStaging(verdict.prefix);
  }
};
