import { personOf } from '../../../../shared/domain/distinguished-name';
import type { SignerDetails as Details } from '../../../../shared/schemas/submission';
import { formatLocalDate } from '../../../../shared/format/index';
import { useT } from '../../app/app-context';
import { groupedFingerprint } from './cert-format';
import { certMessages } from './messages';
// Shared with "Kiểm tra hồ sơ" and the inbox: the component brings its own styles.
import './submission.css';

/**
 * Who signs, as a person reads it (name, title, organisation, place from the subject DN; the issuing CA by
 * its name), the validity (dd/MM/yyyy), then the raw DNs, serial and SHA-256 fingerprint for IT staff.
 */
export const SignerDetails = ({ signer, testId }: { signer: Details; testId?: string }) => {
  const t = useT(certMessages);
  const who = personOf(signer.subject);
  const ca = personOf(signer.issuer);
  return (
    <div data-testid={testId}>
      <dl className="cert-details" data-testid={testId ? `${testId}-person` : undefined}>
        <dt>{t('personName')}</dt>
        <dd>{who.name}</dd>
        {who.title && (
          <>
            <dt>{t('personTitle')}</dt>
            <dd>{who.title}</dd>
          </>
        )}
        {who.organisation && (
          <>
            <dt>{t('personOrg')}</dt>
            <dd>{who.organisation}</dd>
          </>
        )}
        {who.place && (
          <>
            <dt>{t('personPlace')}</dt>
            <dd>{who.place}</dd>
          </>
        )}
        <dt>{t('issuer')}</dt>
        <dd>{ca.name}</dd>
        <dt>{t('validity')}</dt>
        <dd>{t('validityRange', { from: formatLocalDate(signer.notBefore), to: formatLocalDate(signer.notAfter) })}</dd>
      </dl>
      <details className="cert-technical">
        <summary>{t('technical')}</summary>
        <dl className="cert-details">
          <dt>{t('subject')}</dt>
          <dd className="mono">{signer.subject}</dd>
          <dt>{t('issuer')}</dt>
          <dd className="mono">{signer.issuer}</dd>
          <dt>{t('serial')}</dt>
          <dd className="mono">{signer.serialNumber}</dd>
          <dt>{t('fingerprint')}</dt>
          <dd className="mono fingerprint" data-fingerprint={signer.sha256}>
            {groupedFingerprint(signer.sha256)}
          </dd>
        </dl>
      </details>
    </div>
  );
};
