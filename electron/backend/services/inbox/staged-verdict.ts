import type { BundleCode } from '../../../../shared/domain/bundle-codes';
import { AppFailure } from '../../../../shared/ipc/result';
import type { VerifyResult } from '../../../../shared/schemas/submission';
import { commitTemp } from '../evidence/store';
import { isOwnStaged } from '../evidence/staging';
import type { StagedEntry } from '../evidence/staging';
import { refusal } from './import-verify';
import type { ImportVerdict } from './import-verify';

/**
 * What an importer of a package with evidence (a submission, inbox/import-bundle.ts; a giải trình,
 * decisions/import-explanation.ts) does with the worker's verdict (import-verify.ts verifyAndStage) before it
 * commits: nothing here reads the package again.
 */

type VerifiedFile = VerifyResult['files'][number];

/** Our disk failed while the worker staged the evidence (full, read-only…): errors.ts names it by its errno code; the package is not blamed. */
export const throwIfStagingFailed = (verdict: ImportVerdict): void => {
  if (verdict.stagingError) throw Object.assign(new Error(`staging the evidence failed: ${verdict.stagingError}`), { code: verdict.stagingError });
};

/**
 * The evidence files of the report split into those the worker staged (each exactly what the report lists,
 * under this package's own prefix, named as the stager names: isOwnStaged) and those it left to the store's
 * copy (small files already stored).
 */
export const stagedEvidence = (verdict: ImportVerdict, evidence: readonly VerifiedFile[]): { staged: StagedEntry[]; reused: VerifiedFile[] } => {
  const byPath = new Map(verdict.staged.map((t) => [t.path, t]));
  const staged: StagedEntry[] = [];
  const reused: VerifiedFile[] = [];
  for (const f of evidence) {
    const t = byPath.get(f.path);
    if (!t) reused.push(f);
    else if (t.sha256 !== f.sha256 || t.size !== f.size || !isOwnStaged(verdict.prefix, t.tmpPath)) throw refusal('E_DIGEST_MISMATCH', f.path);
    else staged.push(t);
  }
  return { staged, reused };
};

/**
 * Renames the sealed temps (evidence/staging.ts sealStaged) into the store, in the caller's synchronous tick
 * before its transaction. Returns the digests of the files it created: the caller removes them if the
 * transaction fails (evidence/gc.ts deleteBlobIfUnreferenced).
 */
export const commitStaged = (dataDir: string, staged: readonly StagedEntry[]): string[] => {
  const created: string[] = [];
  for (const t of staged) if (commitTemp(dataDir, { ...t, head: Buffer.alloc(0) }).created) created.push(t.sha256);
  return created;
};

/**
 * A failure of an import as the user sees it: a verification check ('E_…' code, e.g. a BundleFailure of a
 * semantics step run here) becomes the refusal with its code and detail; an AppFailure or any other error
 * (our own disk: errors.ts) goes on unchanged.
 */
export const asImportFailure = (e: unknown): unknown => {
  if (e instanceof AppFailure) return e;
  const { code, detail } = (e ?? {}) as { code?: unknown; detail?: unknown };
  if (typeof code === 'string' && code.startsWith('E_')) return refusal(code as BundleCode, typeof detail === 'string' ? detail : undefined);
  return e;
};
