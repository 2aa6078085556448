import { AppFailure } from '../../../../shared/ipc/result';
import { canSignDocuments } from './pki';
import type { Signer } from './signer';

export type SignerProblem = { code: 'CERT_EXPIRED' | 'CERT_INVALID'; message: string } | null;

/** Why this key must not sign now (shown in the preview; enforced again before signing). */
export const signerProblem = (signer: Pick<Signer, 'certificate' | 'details'>, now: Date): SignerProblem => {
  if (now.getTime() > Date.parse(signer.details.notAfter)) {
    return { code: 'CERT_EXPIRED', message: `Chứng thư số đã hết hạn từ ${signer.details.notAfter.slice(0, 10)}; không thể ký.` };
  }
  if (now.getTime() < Date.parse(signer.details.notBefore)) {
    return { code: 'CERT_INVALID', message: `Chứng thư số chưa có hiệu lực (từ ${signer.details.notBefore.slice(0, 10)}).` };
  }
  if (!canSignDocuments(signer.certificate)) {
    return { code: 'CERT_INVALID', message: 'Chứng thư số này không được phép dùng để ký số văn bản (sai mục đích sử dụng khóa).' };
  }
  return null;
};

export const assertSignerUsable = (signer: Pick<Signer, 'certificate' | 'details'>, now: Date): void => {
  const p = signerProblem(signer, now);
  if (p) throw new AppFailure(p.code, p.message);
};
