import { AppFailure } from '../../../../shared/ipc/result';
import type { AppError } from '../../../../shared/ipc/result';
import { canSignDocuments } from './pki';
import type { Signer } from './signer';

/** Why this key must not sign now, or null (the preview shows it; signing enforces it again). */
export const signerFailure = (signer: Pick<Signer, 'certificate' | 'details'>, now: Date): AppFailure | null => {
  if (now.getTime() > Date.parse(signer.details.notAfter)) return AppFailure.of('CERT_EXPIRED_ON', { day: signer.details.notAfter.slice(0, 10) });
  if (now.getTime() < Date.parse(signer.details.notBefore)) return AppFailure.of('CERT_NOT_YET_VALID', { day: signer.details.notBefore.slice(0, 10) });
  if (!canSignDocuments(signer.certificate)) return AppFailure.of('CERT_WRONG_USAGE');
  return null;
};

/** The preview's form of signerFailure: code, Vietnamese message, reason and params as data. */
export const signerProblem = (signer: Pick<Signer, 'certificate' | 'details'>, now: Date): AppError | null => signerFailure(signer, now)?.toError() ?? null;

export const assertSignerUsable = (signer: Pick<Signer, 'certificate' | 'details'>, now: Date): void => {
  const failure = signerFailure(signer, now);
  if (failure) throw failure;
};
