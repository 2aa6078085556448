import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { BundleCode } from '../../../../shared/domain/bundle-codes';
import { allNodes } from '../../../../shared/domain/indicator-tree';
import { AppFailure } from '../../../../shared/ipc/result';
import type { VerifyResult } from '../../../../shared/schemas/submission';
import type { BackendContext } from '../../context';
import { importedRevisions } from '../../db/repos/inbox-repo';
import { loadTrustStore } from '../bundle/verify/trust';
import type { TrustStore } from '../bundle/verify/trust';
import { openVerifySession, verifyInWorker } from '../bundle/verify/verify-process';
import type { VerifyInWorkerOptions, VerifySession, WorkerVerdict } from '../bundle/verify/verify-process';
import { closeStaging, openStaging } from '../evidence/staging';

/** The verification half of a submission import (import-bundle.ts): what it checks against, in the worker. */

export type Progress = (done: number, total: number, label: string) => void;

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
 * Verification in the isolated worker, with every known set version and the replay list (read now, so a batch
 * sees the packages it imported before). `session`: a worker kept across the files of a batch (import-batch.ts).
 */
export const verifyForImport = (ctx: BackendContext, file: string, signal?: AbortSignal, onProgress?: Progress, session?: VerifySession, base: ImportVerifyBase = importVerifyBase(ctx)): Promise<VerifyResult> =>
  (session ? session.verify : (f: string, o: Omit<VerifyInWorkerOptions, 'launcher'>) => verifyInWorker(f, { ...o, launcher: ctx.workerLauncher }))(file, {
    ...base,
    checkSets: true,
    imported: importedRevisions(ctx.db),
    ...(signal ? { signal } : {}),
    ...(onProgress ? { onProgress } : {}),
  });

/** A verdict for import: the worker's report with the evidence it staged under `prefix` (evidence/staging.ts). */
export type ImportVerdict = WorkerVerdict & { prefix: string };

/**
 * Verification in the worker that also stages the evidence entries into the store's tmp/ as they are checked
 * and returns submission.json's checked bytes: the importer then never reads the package again. `reuse`: small
 * files the store already holds are not staged. The caller closes the staging (closeStaging(prefix)).
 */
export const verifyAndStage = async (
  ctx: BackendContext,
  file: string,
  o: { signal?: AbortSignal; onProgress?: Progress; session?: VerifySession; base?: ImportVerifyBase; reuse?: boolean } = {},
): Promise<ImportVerdict> => {
  const prefix = openStaging(ctx.dataDir);
  const options = {
    ...(o.base ?? importVerifyBase(ctx)),
    checkSets: true,
    imported: importedRevisions(ctx.db),
    stage: { prefix, dataDir: ctx.dataDir, reuse: o.reuse ?? true },
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  };
  const session = o.session ?? openVerifySession(ctx.workerLauncher);
  try {
    return { ...(await session.check(file, options)), prefix };
  } catch (e) {
    closeStaging(prefix);
    throw e;
  } finally {
    if (!o.session) session.close();
  }
};

