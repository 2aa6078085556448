import type { SignerDetails as Details } from '../../../../shared/schemas/submission';
import { formatLocalDate } from '../../../../shared/format/index';
import { useT } from '../../app/app-context';
import { groupedFingerprint } from './cert-format';
import { certMessages } from './messages';
// Shared with "Kiểm tra hồ sơ" and the inbox: the component brings its own styles.
import './submission.css';

/** Subject, issuer, serial, validity (dd/MM/yyyy) and SHA-256 fingerprint of a certificate, as a description list. */
export const SignerDetails = ({ signer, testId }: { signer: Details; testId?: string }) => {
  const t = useT(certMessages);
  return (
    <dl className="cert-details" data-testid={testId}>
      <dt>{t('subject')}</dt>
      <dd>{signer.subject}</dd>
      <dt>{t('issuer')}</dt>
      <dd>{signer.issuer}</dd>
      <dt>{t('serial')}</dt>
      <dd className="mono">{signer.serialNumber}</dd>
      <dt>{t('validity')}</dt>
      <dd>{t('validityRange', { from: formatLocalDate(signer.notBefore), to: formatLocalDate(signer.notAfter) })}</dd>
      <dt>{t('fingerprint')}</dt>
      <dd className="mono fingerprint" data-fingerprint={signer.sha256}>
        {groupedFingerprint(signer.sha256)}
      </dd>
    </dl>
  );
};
