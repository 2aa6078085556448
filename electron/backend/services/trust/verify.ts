import { existsSync } from 'node:fs';

import type { PackageKind } from '../../../../shared/schemas/package-kind';
import type { VerifyResult } from '../../../../shared/schemas/submission';
import type { OnProgress } from '../../../../shared/domain/progress-steps';
import type { BackendContext } from '../../context';
import { importedRevisions } from '../../db/repos/inbox-repo';
import { receivedRevisions } from '../../db/repos/received-round-repo';
import { loadTrustStore } from '../bundle/verify/trust';
import type { TrustStore } from '../bundle/verify/trust';
import { verifyInWorker } from '../bundle/verify/verify-process';
import { trustDir } from './trust-dir';

/**
 * Trust anchors and CRLs the administrator put in <data>/trust (nothing is built in), for the two checks a
 * unit sees: "Kiểm tra hồ sơ" and the wizard's re-check of the bundle it wrote. Both get the same verdict
 * for the same bundle: a unit usually has no anchor, so without one the bundle is checked against its own
 * chain and the verdict says so (W_TRUST_NOT_CONFIGURED), never a silent VALID nor a confusing E_UNTRUSTED.
 * The inbox keeps the strict rule (services/inbox/import-bundle.ts).
 */
export const trustOf = (ctx: BackendContext): TrustStore => {
  const dir = trustDir(ctx.dataDir);
  return { ...(existsSync(dir) ? loadTrustStore(dir) : { anchors: [], crls: [] }), selfCheckWhenEmpty: true };
};

/**
 * Verifies a bundle in the isolated worker against the given trust: used by 'trust.verify' (every kind),
 * by 'submission.export' to re-check the bundle it just wrote, and by 'round.export' (a round only).
 */
export const verifyWithWorker = (
  ctx: BackendContext,
  file: string,
  trust: TrustStore,
  signal?: AbortSignal,
  onProgress?: OnProgress,
  kinds: { anyKind?: boolean; expectKind?: PackageKind } = {},
): Promise<VerifyResult> =>
  verifyInWorker(file, {
    ...kinds,
    importedRounds: receivedRevisions(ctx.db),
    trust,
    checkSets: true,
    knownSets: ctx.catalog.list().map((s) => ({ id: s.id, version: s.version, sha256: s.sha256 })),
    imported: importedRevisions(ctx.db),
    launcher: ctx.workerLauncher,
    ...(signal ? { signal } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
