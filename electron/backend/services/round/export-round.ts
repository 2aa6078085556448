import type { VerifyResult } from '../../../../shared/schemas/submission';
import type { OnProgress } from '../../../../shared/domain/progress-steps';
import type { BackendContext } from '../../context';
import { markRoundExported } from '../../db/repos/round-repo';
import { selfCheckTrust } from '../bundle/export-assessment';
import type { PackResult } from '../bundle/pack-container';
import type { TrustStore } from '../bundle/verify/trust';
import { verifyPackage } from '../bundle/verify/verify-bundle';
import type { Signer } from '../signing/signer';
import { packRound } from './round-package';
import { draftOf } from './rounds';

export const APP_NAME = 'CCHC Tự đánh giá';

/** `<issuer>_DotDanhGia_<year>_r<revision>.asice`: the file the Sở sends to every unit. */
export const roundFileName = (issuerCode: string, year: number, revision: number): string => `${issuerCode}_DotDanhGia_${year}_r${revision}.asice`;

export type ExportRoundOptions = {
  roundId: string;
  signer: Signer;
  out: string;
  /** The configured anchors; without any, the signer's own root (as for a submission's self-check). */
  trust?: TrustStore | null;
  signal?: AbortSignal;
  onProgress?: OnProgress;
  /** How the written package is verified (the worker in the app; in process in tests and the CLI). */
  verify?: (file: string, trust: TrustStore) => Promise<VerifyResult>;
};

/**
 * Signs the stored round (round-package.ts), verifies the written file as a round before it takes its name,
 * and records which revision was exported (an edit after this raises the revision, rounds.ts).
 */
export const exportRound = async (ctx: BackendContext, o: ExportRoundOptions): Promise<PackResult> => {
  const draft = draftOf(ctx, o.roundId);
  const now = ctx.now();
  const trust = selfCheckTrust(o.signer, o.trust);
  const verify = o.verify ?? (async (file: string, t: TrustStore) => (await verifyPackage(file, { trust: t, now, expectKind: 'round' })).result);
  const res = await packRound({
    out: o.out,
    draft,
    app: { name: APP_NAME, version: ctx.appVersion },
    signer: o.signer,
    now,
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    verify: (file) => verify(file, trust),
  });
  markRoundExported(ctx.db, draft.roundId, draft.revision, res.sha256, now.toISOString());
  ctx.logger.info('round exported', { roundId: draft.roundId, revision: draft.revision, sha256: res.sha256 });
  return res;
};
