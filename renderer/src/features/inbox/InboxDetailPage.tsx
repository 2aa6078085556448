import { useCallback, useState } from 'react';

import { bundleMessage, isBundleCode } from '../../../../shared/domain/bundle-codes';
import type { InboxTotals } from '../../../../shared/ipc/channels/inbox';
import { formatDateTime, formatIndex, formatPoints } from '../../../../shared/format/index';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoad } from '../../data/use-load';
import { ResultPanel } from '../results/index';
import { SignerDetails } from '../submission/index';
import { AppraisalRow } from './AppraisalRow';
import { EvidenceList, EvidencePreview } from './EvidenceList';
import type { EvidenceItem } from './EvidenceList';
import { detailMessages } from './messages';
import './inbox.css';
import { bandText } from '../../i18n/band-text';

/**
 * Route '/inbox/:importId' — one received bundle: who signed and what verification found, the totals before
 * and after appraisal, every criterion with the unit's self score and the appraiser's input, the evidence.
 */
export const InboxDetailPage = ({ importId }: { importId: string }) => {
  const t = useT(detailMessages);
  const lang = useLang();
  const { api } = usePlatform();
  const detail = useLoad(useCallback(() => api.inbox.get({ importId }), [api, importId]));
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useNote(detailMessages);
  // Bumped on every saved appraisal: the result panel reloads ("cần gửi lại").
  const [version, setVersion] = useState(0);
  const [preview, setPreview] = useState<EvidenceItem | null>(null);

  const d = detail.data;
  if (!d) {
    return (
      <div className="page inbox-page">
        <a href="#/inbox">{t('back')}</a>
        <ErrorBanner error={detail.error} />
        {!detail.error && <p className="muted">{t('loading')}</p>}
      </div>
    );
  }
  const v = d.verification;
  const evidenceByPath = new Map(d.evidence.map((e) => [e.path, e]));
  const totals = (x: InboxTotals) => `${formatPoints(x.final, lang)} · ${x.index === null ? '—' : `${formatIndex(x.index, lang)} %`}`;
  return (
    <div className="page inbox-page">
      <a href="#/inbox">{t('back')}</a>
      <section className="card" aria-labelledby="inbox-detail-title">
        <h1 id="inbox-detail-title">{t('heading', { unit: d.row.unitName, year: d.row.year })}</h1>
        <p className="muted">{t('setLine', { set: d.setName, version: d.row.setVersion, revision: d.row.revision })}</p>
        {d.superseded && (
          <div className="banner banner-warn" role="note">
            {t('superseded')}{' '}
            <a href={`#/inbox/${encodeURIComponent(d.revisions[0]!.importId)}`}>{t('openRevision', { n: d.revisions[0]!.revision })}</a>
          </div>
        )}
        {d.revisions.length > 1 && (
          <details className="small" data-testid="inbox-history">
            <summary>{t('historyTitle')}</summary>
            <ul>
              {d.revisions.map((r, i) => (
                <li key={r.importId}>
                  <a href={`#/inbox/${encodeURIComponent(r.importId)}`} aria-current={r.importId === importId ? 'page' : undefined}>
                    {t('historyItem', { id: r.submissionId.slice(0, 8), n: r.revision, at: formatDateTime(r.importedAt, lang) })}
                  </a>
                  {i === 0 ? ` ${t('historyActive')}` : ''}
                </li>
              ))}
            </ul>
          </details>
        )}
        <dl className="inbox-totals" data-testid="inbox-totals">
          <dt>{t('selfTotal')}</dt>
          <dd>{totals(d.totals.self)}</dd>
          <dt>{t('appraisedTotal')}</dt>
          <dd data-testid="appraised-totals">{totals(d.totals.appraised)}</dd>
          <dt>{t('classification')}</dt>
          <dd>{bandText(lang, d.totals.appraised.classification)}</dd>
        </dl>
      </section>

      <ResultPanel importId={importId} version={version} readOnly={d.superseded} />

      <section className="card" aria-labelledby="inbox-verify-title">
        <h2 id="inbox-verify-title">{t('verifyTitle')}</h2>
        <dl className="inbox-verify" data-testid="inbox-verification">
          <dt>{t('status')}</dt>
          <dd>
            {v.status === 'VALID' ? `✔ ${t('statusValid')}` : `⚠ ${t('statusWarn')}`} — {isBundleCode(v.code) ? bundleMessage(v.code, lang) : v.message}
            {v.warnings.length > 0 && (
              <ul>
                {v.warnings.map((w) => (
                  <li key={w.code}>
                    {w.code}: {isBundleCode(w.code) ? bundleMessage(w.code, lang) : w.message}
                  </li>
                ))}
              </ul>
            )}
          </dd>
          {v.signingTime && (
            <>
              <dt>{t('signingTime')}</dt>
              <dd>{formatDateTime(v.signingTime, lang)}</dd>
            </>
          )}
          <dt>{t('checkedAt')}</dt>
          <dd>{formatDateTime(v.checkedAt, lang)}</dd>
          <dt>{t('chain')}</dt>
          <dd>{v.chain.join(' → ') || '—'}</dd>
          <dt>{t('bundleSha')}</dt>
          <dd className="mono small">{v.bundleSha256}</dd>
        </dl>
        {v.signer && <SignerDetails signer={v.signer} testId="inbox-signer" />}
      </section>

      <section className="card" aria-labelledby="inbox-nodes-title">
        <h2 id="inbox-nodes-title">{t('nodesTitle')}</h2>
        {status && (
          <p role="status" className="small" data-testid="appraisal-status">
            {status}
          </p>
        )}
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
        <table className="inbox-table inbox-nodes">
          <thead>
            <tr>
              <th scope="col">{t('code')}</th>
              <th scope="col">{t('criterion')}</th>
              <th scope="col" className="num">{t('max')}</th>
              <th scope="col" className="num">{t('self')}</th>
              <th scope="col" className="num">{t('appraised')}</th>
              <th scope="col">{t('comment')}</th>
            </tr>
          </thead>
          <tbody>
            {d.nodes.map((n) => (
              <AppraisalRow
                key={n.nodeId}
                importId={importId}
                unitName={d.row.unitName}
                node={n}
                evidenceByPath={evidenceByPath}
                onPreview={setPreview}
                readOnly={d.superseded}
                onSaved={(nd, msg) => {
                  setError(null);
                  detail.set(() => nd);
                  setStatus(msg);
                  setVersion((x) => x + 1);
                }}
                onError={setError}
              />
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="inbox-evidence-title">
        <h2 id="inbox-evidence-title">{t('evidenceTitle')}</h2>
        <EvidenceList items={d.evidence} onPreview={setPreview} />
      </section>
      {preview && <EvidencePreview importId={importId} item={preview} onClose={() => setPreview(null)} />}
    </div>
  );
};
