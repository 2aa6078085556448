import { useState } from 'react';

import type { RegistrySigner, RegistryView } from '../../../../shared/ipc/channels/registry';
import { formatDate, formatDateTime } from '../../../../shared/format/index';
import { useLang, useT } from '../../app/app-context';
import { registryMessages } from './messages';

const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();

type Props = { view: RegistryView & { year: number }; query: string; busy: boolean; onRevoke: (s: RegistrySigner) => void };

/** The year's units, the certificates allowed to sign for them (with revocation) and the change log, filtered by the search text. */
export const RegistryTables = ({ view, query, busy, onRevoke }: Props) => {
  const t = useT(registryMessages);
  const lang = useLang();
  const [confirming, setConfirming] = useState<number | null>(null);
  const q = fold(query.trim());
  const names = new Map(view.units.map((u) => [u.code, u.name]));
  const units = view.units.filter((u) => !q || fold(`${u.code} ${u.name}`).includes(q));
  const signers = view.signers.filter((s) => !q || fold(`${s.unitCode} ${names.get(s.unitCode) ?? ''} ${s.subject} ${s.sha256}`).includes(q));
  const status = (s: RegistrySigner) =>
    s.revokedAt ? t('revoked', { at: formatDateTime(s.revokedAt, lang), by: s.revokedBy ?? '' }) : s.active ? t('active') : t('inactive');

  return (
    <>
      <table className="registry-table" data-testid="registry-units">
        <caption>{t('unitsCaption', { year: view.year, n: units.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('code')}</th>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('block')}</th>
            <th scope="col" className="num">{t('signers')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.code} data-testid={`registry-unit-${u.code}`}>
              <td className="mono">{u.code}</td>
              <td>{u.name}</td>
              <td>{t(u.block)}</td>
              <td className="num">{u.activeSigners}</td>
            </tr>
          ))}
          {units.length === 0 && (
            <tr>
              <td colSpan={4}>{t('none')}</td>
            </tr>
          )}
        </tbody>
      </table>

      <table className="registry-table" data-testid="registry-signers">
        <caption>{t('signersCaption', { year: view.year, n: signers.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('unit')}</th>
            <th scope="col">{t('subject')}</th>
            <th scope="col">{t('validity')}</th>
            <th scope="col">{t('fingerprint')}</th>
            <th scope="col">{t('source')}</th>
            <th scope="col">{t('status')}</th>
          </tr>
        </thead>
        <tbody>
          {signers.map((s) => {
            const unit = names.get(s.unitCode) ?? s.unitCode;
            return (
              <tr key={s.id} data-testid={`registry-signer-${s.id}`} className={s.active ? undefined : 'registry-inactive'}>
                <td>
                  <span className="mono">{s.unitCode}</span> — {unit}
                </td>
                <td>
                  {s.subject}
                  <div className="small muted">
                    {t('issuer')}: {s.issuer} · {t('serial')}: <span className="mono">{s.serial}</span>
                  </div>
                </td>
                <td>
                  {formatDate(s.notBefore.slice(0, 10))} – {formatDate(s.notAfter.slice(0, 10))}
                </td>
                <td className="mono small registry-sha" title={s.sha256}>
                  {s.sha256.slice(0, 16)}…
                </td>
                <td>{t(s.source)}</td>
                <td>
                  {status(s)}
                  {!s.revokedAt && confirming !== s.id && (
                    <button type="button" className="btn" disabled={busy} aria-label={t('revokeOf', { subject: s.subject, unit })} onClick={() => setConfirming(s.id)}>
                      {t('revoke')}
                    </button>
                  )}
                  {!s.revokedAt && confirming === s.id && (
                    <div role="alert" className="small">
                      {t('confirmRevoke', { subject: s.subject, unit })}{' '}
                      <button
                        type="button"
                        className="btn btn-danger"
                        disabled={busy}
                        onClick={() => {
                          setConfirming(null);
                          onRevoke(s);
                        }}
                      >
                        {t('revoke')}
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
          {signers.length === 0 && (
            <tr>
              <td colSpan={6}>{t('none')}</td>
            </tr>
          )}
        </tbody>
      </table>

      <details className="card" data-testid="registry-audit">
        <summary>{t('auditTitle')}</summary>
        <ul className="small">
          {view.audit.map((a, i) => (
            <li key={`${a.at}-${i}`}>
              {formatDateTime(a.at, lang)} · {a.who} · {t(a.action)}
              {a.unitCode ? ` · ${a.unitCode}` : ''}
              {a.sha256 ? ` · ${a.sha256.slice(0, 16)}…` : ''}
              {a.detail ? ` · ${a.detail}` : ''}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
};
