import type { ReplyView } from '../../../../shared/ipc/channels/reply';
import { formatDate, formatDifference, formatPoints } from '../../../../shared/format/index';
import { useLang, useT } from '../../app/app-context';
import { replyMessages } from './messages';
import { mergeSurvey } from './result-lines';
import { SurveyRow } from './SurveyRow';
import { TotalsBreakdown } from './TotalsBreakdown';

/**
 * Self vs appraised, side by side, differences first (the backend's order), with totals, rank and the window.
 * The survey lines (XHH/SIPAS, entered by Sở Nội vụ, never self-scored) sit among the criteria by code so
 * the rows add up to the totals; their self and difference cells say "—".
 */
export const ResultTable = ({ view }: { view: ReplyView }) => {
  const t = useT(replyMessages);
  const lang = useLang();
  const w = view.window;
  const windowText =
    w.state === 'OPEN'
      ? t('windowOpen', { start: formatDate(w.start), end: formatDate(w.end), days: w.daysLeft })
      : w.state === 'NOT_OPEN'
        ? t('windowNotOpen', { start: formatDate(w.start), end: formatDate(w.end), days: w.daysLeft })
        : t('windowClosed', { start: formatDate(w.start), end: formatDate(w.end) });
  const lines = mergeSurvey(
    view.rows.filter((r) => r.difference !== 0),
    view.rows.filter((r) => r.difference === 0),
    view.survey,
  );
  return (
    <>
      <p className={w.state === 'OPEN' ? 'banner' : 'banner banner-warn'} data-testid="reply-window">
        {windowText}
      </p>
      <table className="data-table" data-testid="reply-table">
        <caption>{t('tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colCode')}</th>
            <th scope="col">{t('colTitle')}</th>
            <th scope="col">{t('colSelf')}</th>
            <th scope="col">{t('colAppraised')}</th>
            <th scope="col">{t('colDiff')}</th>
            <th scope="col">{t('colReason')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map(({ kind, row: r }) =>
            kind === 'criterion' ? (
              <tr key={r.nodeId} data-testid="reply-row">
                <td>{r.code}</td>
                <td>{r.title}</td>
                <td className="num">{formatPoints(r.self, lang)}</td>
                <td className="num">{formatPoints(r.appraised, lang)}</td>
                <td className="num">{formatDifference(r.difference, lang)}</td>
                <td>{r.reason}</td>
              </tr>
            ) : (
              <SurveyRow key={r.nodeId} row={r} testId="reply-survey-row" scoreColumns={1} after={1} />
            ),
          )}
        </tbody>
      </table>
      <TotalsBreakdown
        testId="reply-breakdown"
        columns={[
          { label: t('colSelf'), totals: view.totals.self },
          { label: t('colAppraised'), totals: view.totals.appraised },
        ]}
      />
      <p data-testid="reply-totals">{t('totals', { self: formatPoints(view.totals.self.final, lang), appraised: formatPoints(view.totals.appraised.final, lang) })}</p>
      <p data-testid="reply-rank">{view.rank.rank === null ? t('noRank') : t('rank', { rank: view.rank.rank, of: view.rank.of })}</p>
    </>
  );
};
