import type { ReactNode } from 'react';

import type { InboxRow } from '../../../../shared/ipc/channels/inbox';
import { formatIndex, formatPoints } from '../../../../shared/format/index';
import { useLang, useT } from '../../app/app-context';
import { inboxMessages } from './messages';
import { bandText } from '../../i18n/band-text';

/**
 * One block's ranking: rank, unit (link to the detail page), self / appraised totals, index, band, signature;
 * `note` adds a line under the unit (whether its appraisal result was sent, features/results).
 */
export const RankingTable = ({ rows, caption, note }: { rows: InboxRow[]; caption: string; note?: (r: InboxRow) => ReactNode }) => {
  const t = useT(inboxMessages);
  const lang = useLang();
  if (rows.length === 0) return <p className="muted">{t('empty')}</p>;
  return (
    <table className="inbox-table" data-testid="ranking-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('rank')}</th>
          <th scope="col">{t('unit')}</th>
          <th scope="col" className="num">{t('selfTotal')}</th>
          <th scope="col" className="num">{t('appraisedTotal')}</th>
          <th scope="col" className="num">{t('index')}</th>
          <th scope="col">{t('classification')}</th>
          <th scope="col">{t('signer')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const warn = r.status === 'VALID_WITH_WARNINGS';
          const label = warn ? `${t('signerWarn')} (${r.warnings.join(', ')})` : t('signerValid');
          return (
            <tr key={r.importId} data-testid={`ranking-row-${r.unitCode}`}>
              <td className="num" data-testid="rank">{r.rank ?? '—'}</td>
              <td>
                <a href={`#/inbox/${encodeURIComponent(r.importId)}`}>{r.unitName}</a>
                <div className="small muted">
                  {r.unitCode} · {t('revision', { n: r.revision })}
                  {r.appraisedCount > 0 ? ` · ${t('appraisedCount', { n: r.appraisedCount })}` : ''}
                </div>
                {note && <div className="small">{note(r)}</div>}
              </td>
              <td className="num">{formatPoints(r.selfTotal, lang)}</td>
              <td className="num" data-testid="appraised-total">{formatPoints(r.appraisedTotal, lang)}</td>
              <td className="num" data-testid="index">{r.index === null ? '—' : formatIndex(r.index, lang)}</td>
              <td>{bandText(lang, r.classification)}</td>
              <td>
                <span className={warn ? 'inbox-sig inbox-sig-warn' : 'inbox-sig inbox-sig-ok'} role="img" aria-label={label} title={label}>
                  {warn ? '⚠' : '✔'}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
};
