import { useCallback, useState } from 'react';

import { UNIT_ROUND_STATES } from '../../../../shared/domain/round-state';
import type { UnitRoundState } from '../../../../shared/domain/round-state';
import { formatDate, formatDateTime } from '../../../../shared/format/index';
import { UNIT_TYPES } from '../../../../shared/schemas/unit';
import type { UnitType } from '../../../../shared/schemas/unit';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { YearSelect } from '../../components/YearSelect';
import { useLoad } from '../../data/use-load';
import { dashboardMessages } from './dashboard-messages';
import './round-dashboard.css';

type StateFilter = 'all' | 'overdue' | UnitRoundState;

/**
 * Route '/round/dashboard' — Sở Nội vụ's view of a year's round: the counts per state and block, then each unit
 * with its state, filtered by block and state; overdue units are marked in words, not by colour alone.
 */
export const RoundDashboardPage = () => {
  const t = useT(dashboardMessages);
  const lang = useLang();
  const { api } = usePlatform();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [block, setBlock] = useState<'all' | UnitType>('all');
  const [state, setState] = useState<StateFilter>('all');
  const view = useLoad(useCallback(() => api.round.dashboard(year === undefined ? {} : { year }), [api, year]), { keepPrevious: true });
  const d = view.data;
  const units = (d?.units ?? []).filter((u) => (block === 'all' || u.block === block) && (state === 'all' || (state === 'overdue' ? u.overdue : u.state === state)));

  return (
    <div className="page round-dashboard" data-testid="round-dashboard">
      <section className="card" aria-labelledby="round-dashboard-title">
        <h1 id="round-dashboard-title">{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </section>
      <ErrorBanner error={view.error} />
      {d && d.year === null && (
        <p>
          {t('noYear')} <a href="#/registry">{t('openRegister')}</a>
        </p>
      )}
      {d && d.year !== null && (
        <>
          <div className="dashboard-bar">
            <YearSelect label={t('year')} noYear="" years={d.years} value={d.year} onChange={setYear} testId="dashboard-year" />
            <label className="field">
              <span>{t('filterBlock')}</span>
              <select value={block} onChange={(e) => setBlock(e.target.value as 'all' | UnitType)} data-testid="dashboard-block">
                <option value="all">{t('all')}</option>
                {UNIT_TYPES.map((b) => (
                  <option key={b} value={b}>
                    {t(b)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('filterState')}</span>
              <select value={state} onChange={(e) => setState(e.target.value as StateFilter)} data-testid="dashboard-state">
                <option value="all">{t('all')}</option>
                {UNIT_ROUND_STATES.map((s) => (
                  <option key={s} value={s}>
                    {t(s)}
                  </option>
                ))}
                <option value="overdue">{t('onlyOverdue')}</option>
              </select>
            </label>
          </div>
          <p className="small" data-testid="dashboard-due">
            {d.hasRound && d.due ? t('due', { due: formatDate(d.due), today: formatDate(d.today) }) : t('noRound', { year: d.year })}
          </p>

          <table className="dashboard-table" data-testid="dashboard-counts">
            <caption>{t('countsCaption', { year: d.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('block')}</th>
                {UNIT_ROUND_STATES.map((s) => (
                  <th key={s} scope="col" className="num">
                    {t(s)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('overdue')}
                </th>
                <th scope="col" className="num">
                  {t('total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {UNIT_TYPES.map((b) => (
                <tr key={b} data-testid={`dashboard-counts-${b}`}>
                  <th scope="row">{t(b)}</th>
                  {UNIT_ROUND_STATES.map((s) => (
                    <td key={s} className="num">
                      {d.counts[b][s]}
                    </td>
                  ))}
                  <td className={d.counts[b].overdue > 0 ? 'num dashboard-overdue' : 'num'}>{d.counts[b].overdue}</td>
                  <td className="num">{d.counts[b].total}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <table className="dashboard-table" data-testid="dashboard-units">
            <caption>{t('unitsCaption', { shown: units.length, total: d.units.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('code')}</th>
                <th scope="col">{t('unit')}</th>
                <th scope="col">{t('block')}</th>
                <th scope="col">{t('state')}</th>
                <th scope="col">{t('submission')}</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.code} className={u.overdue ? 'dashboard-overdue-row' : undefined} data-testid={`dashboard-unit-${u.code}`}>
                  <td>{u.code}</td>
                  <td>{u.name}</td>
                  <td>{t(u.block)}</td>
                  <td data-testid="dashboard-unit-state">
                    {t(u.state)}
                    {u.overdue && <strong className="dashboard-overdue-tag"> · {t('overdueTag')}</strong>}
                  </td>
                  <td>
                    {u.importId && u.revision !== null && u.importedAt ? (
                      <a href={`#/inbox/${encodeURIComponent(u.importId)}`}>{t('revision', { n: u.revision, at: formatDateTime(u.importedAt, lang) })}</a>
                    ) : (
                      t('none')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {units.length === 0 && <p className="muted">{t('empty')}</p>}
          <p>
            <a href="#/inbox">{t('toInbox')}</a>
          </p>
        </>
      )}
    </div>
  );
};
