import { bundleVerdict } from '../../../../shared/domain/bundle-verdict';
import type { VerdictStatus } from '../../../../shared/domain/bundle-verdict';
import { useLang, useT } from '../../app/app-context';
import { certMessages } from './messages';
// Shared with "Kiểm tra hồ sơ": the component brings its own styles.
import './submission.css';

const CLASS: Record<VerdictStatus, string> = { VALID: 'banner-ok', VALID_WITH_WARNINGS: 'banner-warn', INVALID: 'banner-error' };

/**
 * The verdict, large: VALID / VALID_WITH_WARNINGS / INVALID and the explanation of every code, from the one
 * verdict function (shared/domain/bundle-verdict.ts) — the wizard and "Kiểm tra hồ sơ" show the same
 * bundle with the same words.
 */
export const StatusBanner = ({
  status,
  code,
  message,
  warnings,
  testId,
  warningsTestId,
}: {
  status: string;
  code: string;
  message: string;
  warnings: readonly string[];
  testId?: string;
  warningsTestId?: string;
}) => {
  const t = useT(certMessages);
  const lang = useLang();
  const v = bundleVerdict({ status, code, message, warnings });
  return (
    <div className={`banner ${CLASS[v.status]} verdict`} role="status" data-testid={testId} data-status={v.status} data-code={v.code}>
      <div>
        <p className="verdict-status">{t(v.status)}</p>
        {v.status === 'VALID_WITH_WARNINGS' ? (
          <ul className="verdict-text issue-list" data-testid={warningsTestId}>
            {v.explanations.map((x) => (
              <li key={x.code} data-code={x.code}>
                {x[lang]}
              </li>
            ))}
          </ul>
        ) : (
          <p className="verdict-text">{v.explanations[0]?.[lang]}</p>
        )}
        <p className="small verdict-code">{t('code', { code: v.explanations.map((x) => x.code).join(', ') })}</p>
      </div>
    </div>
  );
};
