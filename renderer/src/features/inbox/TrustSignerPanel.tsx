import { useCallback, useState } from 'react';

import type { TrustedSignerResult } from '../../../../shared/ipc/channels/registry';
import { usePlatform, useT } from '../../app/app-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoad } from '../../data/use-load';
import { runJob } from '../../jobs/index';
import { trustMessages } from './trust-messages';

type Props = { uploadId: string; onTrusted: () => void };

/**
 * Shown when a received bundle was refused because its signer is not registered (E_SIGNER_NOT_REGISTERED):
 * the appraiser may decide to trust the certificate that signed it for a unit HE picks from the register
 * (`registry.trustBundleSigner`, audited), then receive the same file again. Nothing happens by default.
 */
export const TrustSignerPanel = ({ uploadId, onTrusted }: Props) => {
  const t = useT(trustMessages);
  const platform = usePlatform();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [unitCode, setUnitCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<TrustedSignerResult | null>(null);
  const reg = useLoad(useCallback(() => platform.api.registry.list(year === undefined ? {} : { year }), [platform, year]), { keepPrevious: true });
  const view = reg.data;
  const unit = view?.units.find((u) => u.code === unitCode) ?? null;

  const trust = async () => {
    if (!view?.year || !unit) return;
    setBusy(true);
    setError(null);
    try {
      const job = await runJob(platform.api, await platform.api.registry.trustBundleSigner({ uploadId, year: view.year, unitCode: unit.code }));
      setDone(job.result as TrustedSignerResult);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="banner banner-warn" role="region" aria-label={t('title')} data-testid="trust-signer">
      <p>{t('explain')}</p>
      {view && view.years.length === 0 && <p>{t('noRegister')}</p>}
      {view && view.year !== null && !done && (
        <div className="inbox-trust-row">
          <label className="field">
            <span>{t('year')}</span>
            <select value={view.year} disabled={busy} onChange={(e) => setYear(Number(e.target.value))}>
              {view.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('unit')}</span>
            <select value={unitCode} disabled={busy} onChange={(e) => setUnitCode(e.target.value)}>
              <option value="">{t('pickUnit')}</option>
              {view.units.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.code} — {u.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn" disabled={busy || !unit} onClick={() => void trust()}>
            {unit ? t('trust', { unit: unit.name }) : t('trustNone')}
          </button>
        </div>
      )}
      {done && (
        <p role="status">
          {t('trusted', { unit: done.unitName, subject: done.signer.subject })}{' '}
          <button type="button" className="btn" onClick={onTrusted}>
            {t('again')}
          </button>
        </p>
      )}
      <ErrorBanner error={error ?? reg.error} onDismiss={() => setError(null)} />
    </div>
  );
};
