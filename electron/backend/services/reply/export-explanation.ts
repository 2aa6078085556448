import { basename } from 'node:path';

import { EXPLANATION_PATH } from '../../../../shared/schemas/explanation';
import type { VerifyResult } from '../../../../shared/schemas/submission';
import type { OnProgress } from '../../../../shared/domain/progress-steps';
import type { BackendContext } from '../../context';
import { recordSent } from '../../db/repos/reply-draft-repo';
import { inTransaction } from '../../db/transaction';
import { selfCheckTrust } from '../bundle/export-assessment';
import { packContainer } from '../bundle/pack-container';
import type { PackResult } from '../bundle/pack-container';
import type { TrustStore } from '../bundle/verify/trust';
import { verifyPackage } from '../bundle/verify/verify-bundle';
import type { Signer } from '../signing/signer';
import { prepareExplanation } from './build-explanation';

export type ExportExplanationOptions = {
  resultId: string;
  signer: Signer;
  out: string;
  /** The file name recorded (the web host saves under a temp path and serves a download of this name). */
  fileName?: string;
  trust?: TrustStore | null;
  signal?: AbortSignal;
  onProgress?: OnProgress;
  /** How the written package is verified (the worker in the app; in process in tests). */
  verify?: (file: string, trust: TrustStore) => Promise<VerifyResult>;
};

export type ExportExplanationResult = PackResult & { explanationId: string; revision: number };

/**
 * Signs the giải trình (build-explanation.ts re-checks every rule at this moment), verifies the written
 * file as an explanation package before it takes its name (pack-container.ts), and records what was sent:
 * the JSON, the package's SHA-256 and the result revision it answers.
 */
export const exportExplanation = async (ctx: BackendContext, o: ExportExplanationOptions): Promise<ExportExplanationResult> => {
  const p = prepareExplanation(ctx, o.resultId);
  const now = ctx.now();
  const trust = selfCheckTrust(o.signer, o.trust);
  const verify = o.verify ?? (async (file: string, t: TrustStore) => (await verifyPackage(file, { trust: t, now, expectKind: 'explanation' })).result);
  const res = await packContainer({
    out: o.out,
    content: { path: EXPLANATION_PATH, value: p.explanation },
    files: p.files,
    buffers: [],
    signer: o.signer,
    now,
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    verify: (file) => verify(file, trust),
  });
  const x = p.explanation;
  inTransaction(ctx.db, () =>
    recordSent(ctx.db, {
      explanationId: x.explanationId,
      revision: x.revision,
      resultId: o.resultId,
      resultRevision: p.resultRevision,
      resultSha256: p.resultSha256,
      packageSha256: res.sha256,
      packageSize: res.size,
      fileName: o.fileName ?? basename(res.path),
      explanationJson: JSON.stringify(x),
      sentAt: now.toISOString(),
    }),
  );
  ctx.logger.info('explanation exported', { explanationId: x.explanationId, revision: x.revision, sha256: res.sha256 });
  return { ...res, explanationId: x.explanationId, revision: x.revision };
};
