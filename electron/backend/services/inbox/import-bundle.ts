import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';

import { BUNDLE_CODES } from '../../../../shared/domain/bundle-codes';
import type { InboxImportResult } from '../../../../shared/ipc/channels/inbox';
import { AppFailure } from '../../../../shared/ipc/result';
import { EVIDENCE_PATH_RE, submissionSchema } from '../../../../shared/schemas/submission';
import type { VerifyResult } from '../../../../shared/schemas/submission';
import { step } from '../../../../shared/domain/progress-steps';
import type { BackendContext } from '../../context';
import { activeImportOf, highestRevision, insertImport } from '../../db/repos/inbox-repo';
import { inTransaction } from '../../db/transaction';
import { sha256OfFile } from '../../storage/file-digest';
import { checkedContent } from '../bundle/verify/verify-process';
import { SUBMISSION_PATH } from '../bundle/constants';
import { deleteBlobIfUnreferenced, registerEvidenceReference } from '../evidence/gc';
import { closeStaging, sealStaged } from '../evidence/staging';
import { isStored } from '../evidence/store';
import { checkAnswers } from './answer-check';
import { checkImportRules } from './import-rules';
import { refusal, verifyAndStage } from './import-verify';
import type { ImportVerdict, Progress } from './import-verify';
import { asImportFailure, commitStaged, stagedEvidence, throwIfStagingFailed } from './staged-verdict';

export { refusal, trustOf, verifyAndStage, verifyForImport } from './import-verify';
export type { ImportVerdict, Progress } from './import-verify';

// Files an imported submission points at are never garbage-collected while its row exists.
registerEvidenceReference({ table: 'imported_evidence', column: 'sha256' });

/**
 * The verifier's W_SIGNER_NOT_REGISTERED only compares names (it has no register); at import the register's
 * check replaces it (E_SIGNER_NOT_REGISTERED refuses), so the warning is dropped from what is stored.
 */
const withoutNameCheck = (v: VerifyResult): VerifyResult => {
  const warnings = v.warnings.filter((w) => w.code !== 'W_SIGNER_NOT_REGISTERED');
  if (v.status !== 'VALID_WITH_WARNINGS' || warnings.length === v.warnings.length) return v;
  if (warnings.length === 0) return { ...v, status: 'VALID', code: 'OK', message: BUNDLE_CODES.OK.vi, warnings };
  return { ...v, code: warnings[0]!.code, message: warnings[0]!.message, warnings };
};

/**
 * A file counted on as already stored vanished before the import's commit (removed by garbage collection in
 * between): importBundle starts that package again with every entry staged.
 */
class ReusedFileGone extends Error {}

export type ImportOptions = {
  signal?: AbortSignal;
  onProgress?: Progress;
  verify?: (file: string) => Promise<ImportVerdict>;
};

/**
 * The importer (docs/submission-format.md §5, steps 7–9, and §6): verify in the worker, which stages the
 * evidence entries into temp files of the store as it checks them (verifyAndStage); an INVALID bundle
 * (replay included) is refused with nothing stored; so is a bundle that breaks an import rule of the register
 * or carries an answer the set's rules refuse (import-rules.ts, answer-check.ts). Then in ONE synchronous step
 * the staged temps are renamed into the store and one transaction inserts the submission, its answers
 * snapshot, its evidence rows and the full verification report. Small files the worker did not stage because
 * the store held them are re-checked in that step; one gone by then (ReusedFileGone) makes the package start
 * again with every entry staged. The package's own SHA-256 is computed here while the worker verifies, unless the
 * verdict brings it (a batch's workers hash each valid package: verify-ahead.ts, `fileSha256`).
 */
export const importBundle = async (ctx: BackendContext, file: string, o: ImportOptions = {}): Promise<InboxImportResult> => {
  try {
    return await importOnce(ctx, file, o, false);
  } catch (e) {
    if (!(e instanceof ReusedFileGone)) throw e;
    return importOnce(ctx, file, o, true);
  }
};

const importOnce = async (ctx: BackendContext, file: string, o: ImportOptions, copyAll: boolean): Promise<InboxImportResult> => {
  const progress: Progress = o.onProgress ?? (() => {});
  const size = statSync(file).size;
  progress(0, size, step('CHECKING_PACKAGE'));
  const given = o.verify && !copyAll;
  const digest = given ? null : sha256OfFile(file, o.signal);
  digest?.catch(() => {}); // awaited below unless the package is refused first
  const verdict = await (given ? o.verify!(file) : verifyAndStage(ctx, file, { ...(o.signal ? { signal: o.signal } : {}), onProgress: progress, reuse: !copyAll }));
  try {
    const raw = verdict.result;
    if (o.signal?.aborted) throw AppFailure.of('CANCELLED_BY_USER');
    throwIfStagingFailed(verdict);
    if (raw.status === 'INVALID') throw refusal(raw.code, raw.detail);
    const v = withoutNameCheck(raw);
    const bundleSha256 = verdict.fileSha256 ?? (await (digest ?? sha256OfFile(file, o.signal)));
    const subBytes = checkedContent(verdict, SUBMISSION_PATH);
    const parsed = submissionSchema.safeParse(JSON.parse(subBytes.toString('utf8')));
    if (!parsed.success) throw refusal('E_SUBMISSION_SCHEMA');
    const s = parsed.data;
    const set = ctx.catalog.getVersion(s.indicatorSet.id, s.indicatorSet.version);
    if (set.summary.sha256 !== s.indicatorSet.sha256) throw refusal('E_INDICATOR_SET_MISMATCH');
    // The receiver's rules and the re-validation of every answer, before anything is committed.
    const checked = checkAnswers(set.document, s.answers);
    const signedAt = v.signingTime ? new Date(v.signingTime) : ctx.now();
    const { unit, year: yearNum } = checkImportRules(ctx.db, s, v.signer, set.document.unitTypes, signedAt);

    const evidence = v.files.filter((f) => EVIDENCE_PATH_RE.test(f.path));
    const { staged, reused } = stagedEvidence(verdict, evidence);
    progress(size, size, step('SAVING_SUBMISSION'));
    await (verdict.sealed ?? sealStaged(staged));

    const listed = new Map(s.evidence.map((e) => [e.path, e]));
    const id = randomUUID();
    const unitType = unit.block;
    // From here to the end of the transaction everything is synchronous: GC cannot run in between.
    if (reused.some((f) => !isStored(ctx.dataDir, f.sha256, f.size))) throw new ReusedFileGone();
    const created = commitStaged(ctx.dataDir, staged);
    let supersededImportId: string | null = null;
    try {
      inTransaction(ctx.db, () => {
        const prev = highestRevision(ctx.db, s.submissionId);
        // Re-checked under the write lock: a concurrent import of the same revision loses here.
        if (prev && prev.revision >= s.revision) throw refusal('E_REPLAY', `${s.submissionId} revision ${s.revision}`);
        checkImportRules(ctx.db, s, v.signer, set.document.unitTypes, signedAt);
        // One active submission per unit and year: the one imported last; earlier ones stay as history.
        supersededImportId = activeImportOf(ctx.db, unit.code, yearNum)?.id ?? null;
        insertImport(ctx.db, {
          submission: {
            id,
            submissionId: s.submissionId,
            revision: s.revision,
            supersedes: s.supersedes,
            unitCode: unit.code,
            // The register's official name, never the bundle's claim.
            unitName: unit.name,
            unitType,
            year: yearNum,
            setId: s.indicatorSet.id,
            setVersion: s.indicatorSet.version,
            setSha256: s.indicatorSet.sha256,
            bundleSha256,
            bundleSize: size,
            signerSubject: v.signer?.subject ?? '',
            signerSha256: v.signer?.sha256 ?? '',
            status: v.status as 'VALID' | 'VALID_WITH_WARNINGS',
            verificationJson: JSON.stringify({ ...v, bundleSha256 }),
            submissionJson: subBytes.toString('utf8'),
            importedAt: ctx.now().toISOString(),
          },
          answers: checked.map(({ answer: a }) => ({
            nodeId: a.indicatorId,
            valueJson: JSON.stringify(a.value ?? null),
            note: a.note ?? '',
            evidence: a.evidence,
            declaredPoints: a.score?.points ?? null,
            declaredMax: a.score?.max ?? null,
            declaredExplanation: a.score?.explanation ?? '',
          })),
          evidence: evidence.map((f) => {
            const e = listed.get(f.path);
            return {
              path: f.path,
              originalName: e?.originalName ?? f.path,
              mediaType: e?.mediaType ?? 'application/octet-stream',
              size: f.size,
              sha256: f.sha256,
              metadata: e?.metadata ?? {},
            };
          }),
        });
      });
    } catch (e) {
      for (const sha of created) deleteBlobIfUnreferenced(ctx.db, ctx.dataDir, sha);
      throw e;
    }
    ctx.logger.info('inbox: bundle imported', { importId: id, submissionId: s.submissionId, revision: s.revision, evidence: evidence.length });
    return {
      importId: id,
      unitName: unit.name,
      unitType,
      year: yearNum,
      revision: s.revision,
      status: v.status,
      code: v.code,
      message: v.message,
      supersededImportId,
      evidenceCount: evidence.length,
      newFiles: created.length,
    };
  } catch (e) {
    throw asImportFailure(e);
  } finally {
    // Whatever was staged and not committed (a refusal, a cancel) goes.
    closeStaging(verdict.prefix);
  }
};
