import { useCallback, useEffect, useRef, useState } from 'react';

import type { TrustEntry } from '../../../../shared/ipc/channels/trust';
import { formatLocalDate } from '../../../../shared/format/index';
import { usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import type { WordingOf } from '../../app/use-note';
import { OneFilePick } from '../../components/OneFilePick';
import { commonName } from '../../components/cert-names';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoad } from '../../data/use-load';
import { groupedFingerprint } from '../submission/index';
import { verifyMessages } from './messages';

/**
 * "Chứng thư gốc tin cậy": the CA certificates and CRLs 'trust.verify' uses (nothing built in). Import
 * a PEM/DER certificate or a CRL (web: file input → upload; Electron: the native dialog); remove with a
 * confirmation, since it changes every later verdict. `strict`: on pages whose imports never fall back to
 * the signer's own chain (a round, a result from Sở Nội vụ), an empty list means every package is refused.
 */
export const TrustAnchors = ({ onChanged, strict = false }: { onChanged?: () => void; strict?: boolean }) => {
  const t = useT(verifyMessages);
  const platform = usePlatform();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useNote(verifyMessages);
  const [confirming, setConfirming] = useState<TrustEntry | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  // Keyboard users go straight to the question they must answer.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const list = useLoad(useCallback(() => platform.api.trust.list({}), [platform]));
  const entries = list.data;

  const act = async (work: () => Promise<WordingOf<typeof verifyMessages>>) => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      setNote(await work());
      list.reload();
      onChanged?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const importFrom = (file: File | null) =>
    act(async () => {
      let uploadId: string | undefined;
      if (file) uploadId = (await platform.uploadFiles([file]))[0]?.uploadId;
      const { added } = await platform.api.trust.import(uploadId ? { uploadId } : {});
      return (t) => t('trustAdded', { names: added.map((e) => commonName(e.subject)).join('; ') });
    });

  const remove = (e: TrustEntry) =>
    act(async () => {
      setConfirming(null);
      await platform.api.trust.remove({ fingerprint: e.fingerprint });
      return (t) => t('trustRemoved', { name: commonName(e.subject) });
    });

  return (
    <section className="card" aria-labelledby="trust-title" data-testid="trust-anchors">
      <h2 id="trust-title">{t('trustTitle')}</h2>
      <p className="muted small">{t('trustIntro')}</p>
      <OneFilePick label={t('trustFile')} chooseLabel={t('trustChoose')} accept=".pem,.crt,.cer,.der,.crl" disabled={busy} onFile={(f) => void importFrom(f)} />
      <p role="status" className="small trust-note" data-testid="trust-note">
        {note ?? ''}
      </p>
      <ErrorBanner error={error ?? list.error} onDismiss={() => setError(null)} />
      {confirming && (
        <div className="banner banner-warn" role="alertdialog" aria-labelledby="trust-confirm-text">
          <span id="trust-confirm-text">{t('confirmRemove', { name: commonName(confirming.subject) })}</span>
          <div className="actions">
            <button ref={confirmButton} type="button" className="btn btn-danger" onClick={() => void remove(confirming)}>
              {t('confirm')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(null)}>
              {t('keep')}
            </button>
          </div>
        </div>
      )}
      {entries && entries.length === 0 && <p className="banner banner-warn" data-testid="trust-empty">{t(strict ? 'trustEmptyStrict' : 'trustEmpty')}</p>}
      {entries && entries.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="trust-list">
            <thead>
              <tr>
                <th scope="col">{t('colKind')}</th>
                <th scope="col">{t('colSubject')}</th>
                <th scope="col">{t('colValidity')}</th>
                <th scope="col">{t('colFingerprint')}</th>
                <th scope="col">{t('colAction')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.fingerprint} data-fingerprint={e.fingerprint}>
                  <td>{t(e.kind === 'anchor' ? 'kind_anchor' : 'kind_crl')}</td>
                  <td>
                    <div>{e.subject}</div>
                    {e.issuer !== e.subject && <div className="small muted">{e.issuer}</div>}
                  </td>
                  <td>{t('validity', { from: formatLocalDate(e.notBefore), to: e.notAfter ? formatLocalDate(e.notAfter) : t('noNext') })}</td>
                  <td className="mono fingerprint small">{groupedFingerprint(e.fingerprint)}</td>
                  <td>
                    <button type="button" className="btn btn-danger" disabled={busy} aria-label={t(e.kind === 'anchor' ? 'removeAnchor' : 'removeCrl', { name: commonName(e.subject) })} onClick={() => setConfirming(e)}>
                      {t('remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
