import { BUNDLE_CODES } from '../../../../shared/domain/bundle-codes';
import type { VerifyStatus } from '../../../../shared/schemas/submission';
import { useLang, useT } from '../../app/app-context';
import { certMessages } from './messages';
// Shared with "Kiểm tra hồ sơ": the component brings its own styles.
import './submission.css';

const CLASS: Record<VerifyStatus, string> = { VALID: 'banner-ok', VALID_WITH_WARNINGS: 'banner-warn', INVALID: 'banner-error' };

const isStatus = (s: string): s is VerifyStatus => s === 'VALID' || s === 'VALID_WITH_WARNINGS' || s === 'INVALID';

/**
 * The verdict, large: VALID / VALID_WITH_WARNINGS / INVALID, the code and its explanation in the UI language
 * (the backend's Vietnamese message when the code is not one of the bundle codes).
 */
export const StatusBanner = ({ status, code, message, testId }: { status: string; code: string; message: string; testId?: string }) => {
  const t = useT(certMessages);
  const lang = useLang();
  const st: VerifyStatus = isStatus(status) ? status : 'INVALID';
  const known = (BUNDLE_CODES as Record<string, { vi: string; en: string } | undefined>)[code];
  const text = known ? known[lang] : message;
  return (
    <div className={`banner ${CLASS[st]} verdict`} role="status" data-testid={testId} data-status={st} data-code={code}>
      <div>
        <p className="verdict-status">{t(st)}</p>
        <p className="verdict-text">{text}</p>
        <p className="small verdict-code">{t('code', { code })}</p>
      </div>
    </div>
  );
};
