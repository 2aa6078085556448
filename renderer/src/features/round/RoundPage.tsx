import { lazy, Suspense, useCallback, useState } from 'react';

import type { RoundDetail } from '../../../../shared/ipc/channels/round';
import { usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { useRole } from '../../app/role-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoad } from '../../data/use-load';
import { ReceivedRounds } from './ReceivedRounds';
import { isNoRegister, RoundEditor } from './RoundEditor';
import { RoundExport } from './RoundExport';
import { roundMessages } from './messages';

// On demand, like RoundExport's KeyStep: trust → submission → assessments → this feature would be a cycle.
const TrustAnchors = lazy(async () => ({ default: (await import('../trust/index')).TrustAnchors }));

type Mode = { kind: 'list' } | { kind: 'edit'; round: RoundDetail | null } | { kind: 'export'; round: RoundDetail };

/**
 * "Đợt đánh giá": the unit's side (trust the Sở's root once, import the round package, see the binding) and
 * Sở Nội vụ's side (create or edit the round of a year, sign and export it). Each role sees its own side
 * (app/role-context.tsx); with no role chosen yet both are shown, as the top menu shows every entry then.
 */
export const RoundPage = () => {
  const t = useT(roundMessages);
  const { api } = usePlatform();
  const { role } = useRole();
  const unitSide = role !== 'receiver';
  const receiverSide = role !== 'unit';
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [note, setNote] = useNote(roundMessages);
  const list = useLoad(useCallback(() => api.round.list({}), [api]));
  const sets = useLoad(useCallback(() => api.indicatorSets.list({}), [api]));
  const [refreshError, setRefreshError] = useState<unknown>(null);

  const refresh = async (r: RoundDetail) => {
    setRefreshError(null);
    try {
      const res = await api.round.refreshUnits({ roundId: r.id });
      setNote((t) => (res.changed ? t('refreshed', { year: r.year, added: res.added, revision: res.round.revision }) : t('refreshedSame', { year: r.year })));
      list.reload();
    } catch (e) {
      setRefreshError(e);
    }
  };

  return (
    <div className="page round-page" data-testid="round-page">
      <section className="card" aria-labelledby="round-title">
        <h1 id="round-title">{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </section>
      <ErrorBanner error={list.error ?? sets.error} />
      <Suspense fallback={null}>
        {/* A unit's round import refuses every package without a trusted root; Sở Nội vụ's own export is only checked against them. */}
        <TrustAnchors strict={unitSide} />
      </Suspense>
      {unitSide && list.data && <ReceivedRounds received={list.data.received} onChanged={list.reload} />}
      {receiverSide && (
        <section className="card" aria-labelledby="rounds-title" data-testid="issued-rounds">
          <h2 id="rounds-title">{t('roundsTitle')}</h2>
          <p className="small">
            <a href="#/round/dashboard">{t('dashboardLink')}</a>
          </p>
          <p role="status" className="small" data-testid="round-note">
            {note}
          </p>
          <ErrorBanner error={refreshError} onDismiss={() => setRefreshError(null)} />
          {isNoRegister(refreshError) && (
            <p className="small">
              <a href="#/registry">{t('openRegister')}</a>
            </p>
          )}
          {mode.kind === 'edit' && sets.data && (
            <RoundEditor
              round={mode.round}
              sets={sets.data}
              onCancel={() => setMode({ kind: 'list' })}
              onSaved={(r) => {
                setNote((t) => t('saved', { year: r.year, revision: r.revision }));
                setMode({ kind: 'list' });
                list.reload();
              }}
            />
          )}
          {mode.kind === 'export' && (
            <RoundExport
              round={mode.round}
              onBack={() => setMode({ kind: 'list' })}
              onDone={(wording) => {
                setNote(wording);
                list.reload();
              }}
            />
          )}
          {mode.kind === 'list' && (
            <>
              <ul className="round-list">
                {(list.data?.rounds ?? []).map((r) => (
                  <li key={r.id} data-testid="issued-round">
                    <span>
                      {t('roundRow', {
                        year: r.year,
                        revision: r.revision,
                        units: r.units.length,
                        state: r.exportedRevision === null ? t('notExported') : t('exportedState', { revision: r.exportedRevision }),
                      })}
                    </span>
                    <span className="actions">
                      <button type="button" className="btn" onClick={() => void refresh(r)} data-testid="round-refresh-units">
                        {t('refreshUnits')}
                      </button>
                      <button type="button" className="btn" onClick={() => setMode({ kind: 'edit', round: r })}>
                        {t('edit')}
                      </button>
                      <button type="button" className="btn btn-primary" onClick={() => setMode({ kind: 'export', round: r })}>
                        {t('export')}
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
              <div className="actions">
                <button type="button" className="btn" onClick={() => setMode({ kind: 'edit', round: null })}>
                  {t('newRound')}
                </button>
              </div>
            </>
          )}
        </section>
      )}
    </div>
  );
};
