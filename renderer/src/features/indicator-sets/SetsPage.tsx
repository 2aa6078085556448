import { useCallback, useState } from 'react';

import type { SetExportResult, SetListEntry } from '../../../../shared/ipc/channels/indicator-sets';
import { formatDate } from '../../../../shared/format/index';
import { usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoad } from '../../data/use-load';
import { runJob } from '../../jobs/index';
import { UnofficialTag, useOfficialSets } from '../round/index';
import { setsMessages } from './messages';
import { SetImport } from './SetImport';
import './indicator-sets.css';

const keyOf = (s: SetListEntry) => `${s.id}@${s.version}`;

/** Route '/sets': every indicator set version (shipped and imported), import, export JSON / Excel template. */
export const SetsPage = () => {
  const t = useT(setsMessages);
  const platform = usePlatform();
  const { api } = platform;
  const official = useOfficialSets();
  const list = useLoad(useCallback(() => api.indicatorSets.listAll({}), [api]));
  const sets = list.data;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useNote(setsMessages);


  const exportSet = async (s: SetListEntry, format: 'json' | 'xlsx') => {
    setBusy(`${keyOf(s)}:${format}`);
    setError(null);
    setStatus(null);
    try {
      const job = await runJob(api, await api.indicatorSets.export({ id: s.id, version: s.version, format }));
      if (job.state === 'cancelled') {
        setStatus((t) => t('exportCancelled'));
        return;
      }
      const r = job.result as SetExportResult;
      if (platform.kind === 'web' && r.downloadId) await platform.download(r.downloadId, r.fileName);
      setStatus((t) => t('exported', { name: r.fileName }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="page sets-page">
      <nav aria-label={t('title')}>
        <a href="#/">{t('back')}</a>
      </nav>
      <section className="card" aria-labelledby="sets-title">
        <h1 id="sets-title">{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </section>
      <ErrorBanner error={error ?? list.error} onDismiss={() => setError(null)} />
      <p role="status" className="small" data-testid="sets-status">
        {status}
      </p>
      {!sets && !list.error && (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      )}
      {sets && (
        <section className="card">
          <table className="sets-table" data-testid="sets-table">
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('version')}</th>
                <th scope="col">{t('decision')}</th>
                <th scope="col">{t('origin')}</th>
                <th scope="col">{t('sha')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('exportJson')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sets.map((s) => (
                <tr key={keyOf(s)} data-testid={`set-row-${s.id}-${s.version}`}>
                  <td>
                    <strong>{s.name}</strong>
                    <div className="small muted">
                      {s.id} · {s.year} · {t('leaves', { n: s.leafCount })}
                    </div>
                    <div className="sets-badges">
                      {s.isSample && <span className="chip sets-sample">{t('sample')}</span>}
                      <UnofficialTag sha256={s.sha256} official={official} />
                      <span className={s.active ? 'chip chip-active' : 'chip'}>{t(s.active ? 'active' : 'inactive')}</span>
                    </div>
                  </td>
                  <td>{s.version}</td>
                  <td>
                    {s.sourceDecision.number ? (
                      <>
                        {s.sourceDecision.number}
                        {s.sourceDecision.date && <div className="small muted">{formatDate(s.sourceDecision.date)}</div>}
                      </>
                    ) : (
                      <span className="muted">{t('decisionPending')}</span>
                    )}
                    {s.sourceDecision.issuer && <div className="small muted">{s.sourceDecision.issuer}</div>}
                  </td>
                  <td>{t(s.origin)}</td>
                  <td>
                    <code title={s.sha256}>{s.sha256.slice(0, 12)}…</code>
                  </td>
                  <td className="sets-actions">
                    {(['json', 'xlsx'] as const).map((f) => (
                      <button key={f} type="button" className="btn" disabled={busy !== null} onClick={() => void exportSet(s, f)}>
                        {busy === `${keyOf(s)}:${f}` ? t('exporting') : t(f === 'json' ? 'exportJson' : 'exportXlsx')}
                      </button>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <SetImport
        onError={setError}
        onImported={() => {
          setError(null);
          list.reload();
        }}
      />
    </div>
  );
};
