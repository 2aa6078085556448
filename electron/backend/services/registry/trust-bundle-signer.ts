import type { TrustedSignerResult } from '../../../../shared/ipc/channels/registry';
import { AppFailure } from '../../../../shared/ipc/result';
import type { VerifyResult } from '../../../../shared/schemas/submission';
import type { BackendContext } from '../../context';
import { findActiveSigner, insertSigner } from '../../db/repos/registry-repo';
import { inTransaction } from '../../db/transaction';
import { sha256OfFile } from '../../storage/file-digest';
import { verifyForImport } from '../inbox/import-bundle';
import { appraiserOf, audit, registryView, requireUnit } from './register';

/**
 * "Tin cậy người ký này cho đơn vị …": the appraiser's explicit decision to register the certificate that
 * signed a received bundle for a unit HE chose (the bundle's own claim is only shown, never used). The bundle
 * is verified again here (signature, chain, every file), so the certificate is the one that really signed;
 * an invalid bundle gives nothing. One audit record names who, when, which certificate and which bundle.
 */
export const trustBundleSigner = async (
  ctx: BackendContext,
  file: string,
  target: { year: number; unitCode: string },
  o: { signal?: AbortSignal; verify?: (file: string) => Promise<VerifyResult> } = {},
): Promise<TrustedSignerResult> => {
  const unit = requireUnit(ctx, target.year, target.unitCode);
  const v = await (o.verify ? o.verify(file) : verifyForImport(ctx, file, o.signal));
  if (o.signal?.aborted) throw AppFailure.of('CANCELLED_BY_USER');
  if (v.status === 'INVALID' || !v.signer) throw AppFailure.of('REGISTRY_BUNDLE_NOT_VALID', { check: v.code });
  const signer = v.signer;
  const bundleSha256 = v.bundleSha256 ?? (await sha256OfFile(file, o.signal));
  const sha256 = signer.sha256.toLowerCase();
  const added = inTransaction(ctx.db, () => {
    const fresh = insertSigner(ctx.db, {
      year: target.year,
      unitCode: unit.code,
      sha256,
      subject: signer.subject,
      issuer: signer.issuer,
      serial: signer.serialNumber,
      notBefore: signer.notBefore,
      notAfter: signer.notAfter,
      source: 'bundle',
      addedAt: ctx.now().toISOString(),
      addedBy: appraiserOf(ctx),
    });
    if (fresh) {
      const claimed = v.submission ? `${v.submission.agency.code} / ${v.submission.period}` : '—';
      audit(ctx, { action: 'TRUST_BUNDLE_SIGNER', year: target.year, unitCode: unit.code, sha256, detail: `${signer.subject}; hồ sơ SHA-256 ${bundleSha256}; hồ sơ khai báo ${claimed}` });
    }
    return fresh;
  });
  const row = findActiveSigner(ctx.db, target.year, unit.code, sha256)!;
  const view = registryView(ctx, target.year).signers.find((s) => s.id === row.id)!;
  return { signer: view, unitName: unit.name, added };
};
