import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { BundleCode } from '../../../../shared/domain/bundle-codes';
import { allNodes } from '../../../../shared/domain/indicator-tree';
import { AppFailure } from '../../../../shared/ipc/result';
import type { VerifyResult } from '../../../../shared/schemas/submission';
import type { OnProgress } from '../../../../shared/domain/progress-steps';
import type { BackendContext } from '../../context';
import { importedRevisions } from '../../db/repos/inbox-repo';
import { loadTrustStore } from '../bundle/verify/trust';
import type { TrustStore } from '../bundle/verify/trust';
import { openVerifySession, verifyInWorker } from '../bundle/verify/verify-process';
import type { VerifyInWorkerOptions, VerifySession, WorkerVerdict } from '../bundle/verify/verify-process';
import { openStaging } from '../evidence/staging';

/** The verification half of a submission import (import-bundle.ts): what it checks against, in the worker. */

export type Progress = OnProgress;

/** Trust anchors and CRLs the administrator put in <data>/trust (nothing is built in). */
export const trustOf = (dataDir: string): TrustStore => {
  const dir = join(dataDir, 'trust');
  return existsSync(dir) ? loadTrustStore(dir) : { anchors: [], crls: [] };
};

/** The refusal shown to the appraiser: the verification code and its Vietnamese explanation. */
export const refusal = (code: BundleCode, detail?: string): AppFailure =>
  AppFailure.of('BUNDLE_REFUSED', { check: code }, { bundleCode: code, ...(detail ? { detail } : {}) });

/** What verification at import checks against: the trust anchors and every known set version. */
export type ImportVerifyBase = Pick<VerifyInWorkerOptions, 'trust' | 'knownSets'>;

/** Read once per batch (import-batch.ts), or once per single import. */
export const importVerifyBase = (ctx: BackendContext): ImportVerifyBase => ({
  trust: trustOf(ctx.dataDir),
  knownSets: ctx.catalog.listAll().map((e) => ({
    id: e.summary.id,
    version: e.summary.version,
    sha256: e.summary.sha256,
    indicatorIds: allNodes(e.document).map((v) => v.node.id),
  })),
});

/**
 * What a verification at import is asked: every known set version and the replay list (read now, so a batch
 * sees the packages it imported before).
 */
const importRequest = (ctx: BackendContext, base: ImportVerifyBase, signal?: AbortSignal, onProgress?: Progress) => ({
  ...base,
  checkSets: true,
  imported: importedRevisions(ctx.db),
  ...(signal ? { signal } : {}),
  ...(onProgress ? { onProgress } : {}),
});

/** Verification in the isolated worker, without staging (a signer to trust, registry/trust-bundle-signer.ts). */
export const verifyForImport = (ctx: BackendContext, file: string, signal?: AbortSignal): Promise<VerifyResult> =>
  verifyInWorker(file, { ...importRequest(ctx, importVerifyBase(ctx), signal), launcher: ctx.workerLauncher });

/** A verdict for import: the worker's report with the evidence it staged under `prefix` (evidence/staging.ts). */
export type ImportVerdict = WorkerVerdict & {
  prefix: string;
  /** The staged files being made durable already (a batch seals ahead: verify-ahead.ts); else the importer seals them. */
  sealed?: Promise<void>;
};

/**
 * Verification in the worker that also stages the evidence entries into the store's tmp/ as they are checked
 * and returns the content file's checked bytes: the importer then never reads the package again. `request`:
 * what the worker checks (a submission's: importRequest; another kind's: `anyKind` with `expectKind`). `reuse`:
 * small files the store already holds are not staged. The caller closes the staging (closeStaging(prefix)).
 */
export const verifyAndStageWith = async (
  ctx: BackendContext,
  file: string,
  request: Omit<VerifyInWorkerOptions, 'launcher' | 'stage'>,
  o: { session?: VerifySession; reuse?: boolean } = {},
): Promise<ImportVerdict> => {
  const prefix = openStaging(ctx.dataDir);
  const session = o.session ?? openVerifySession(ctx.workerLauncher);
  try {
    // A session answers every file (a failure is an INVALID verdict), so the caller always gets the prefix to close.
    return { ...(await session.check(file, { ...request, stage: { prefix, dataDir: ctx.dataDir, reuse: o.reuse ?? true } })), prefix };
  } finally {
    if (!o.session) session.close();
  }
};

/** verifyAndStageWith for a submission (import-bundle.ts, a batch's verify-ahead.ts). */
export const verifyAndStage = (
  ctx: BackendContext,
  file: string,
  o: { signal?: AbortSignal; onProgress?: Progress; session?: VerifySession; base?: ImportVerifyBase; reuse?: boolean; fileDigest?: boolean } = {},
): Promise<ImportVerdict> =>
  verifyAndStageWith(ctx, file, { ...importRequest(ctx, o.base ?? importVerifyBase(ctx), o.signal, o.onProgress), ...(o.fileDigest ? { fileDigest: true } : {}) }, o);
