import type { ReplyView } from '../../../../shared/ipc/channels/reply';
import { formatPoints } from '../../../../shared/format/index';
import { useLang, useT } from '../../app/app-context';
import { replyMessages } from './messages';
import { mergeSurvey } from './result-lines';
import { SelfDiffers } from './SelfDiffers';
import { SurveyRow } from './SurveyRow';
import { TotalsBreakdown } from './TotalsBreakdown';
import { bandText } from '../../i18n/band-text';

/**
 * The final result, read-only: final scores, the decision on each criterion, classification and rank. The
 * survey lines (entered by Sở Nội vụ, not self-scored, not open to giải trình) sit among the criteria by
 * code so the rows add up to the totals.
 */
export const FinalView = ({ final, submissionRevision }: { final: NonNullable<ReplyView['final']>; submissionRevision: number }) => {
  const t = useT(replyMessages);
  const lang = useLang();
  const f = final.content;
  const lines = mergeSurvey([], f.criteria, f.survey);
  return (
    <section className="card" aria-labelledby="final-title" data-testid="reply-final">
      <h3 id="final-title">{t('finalTitle', { revision: final.revision })}</h3>
      <SelfDiffers differs={final.selfDiffers} revision={submissionRevision} final testId="final-self-differs" />
      <table className="data-table">
        <caption>{t('finalCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colCode')}</th>
            <th scope="col">{t('colTitle')}</th>
            <th scope="col">{t('colSelf')}</th>
            <th scope="col">{t('colAppraised')}</th>
            <th scope="col">{t('colFinal')}</th>
            <th scope="col">{t('colDecision')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map(({ kind, row: c }) =>
            kind === 'criterion' ? (
              <tr key={c.nodeId} data-testid="final-row">
                <td>{c.code}</td>
                <td>{c.title}</td>
                <td className="num">{formatPoints(c.self, lang)}</td>
                <td className="num">{formatPoints(c.appraised, lang)}</td>
                <td className="num">{formatPoints(c.final, lang)}</td>
                <td>
                  {t(c.decision)}
                  {c.decisionReason && <div className="small">{c.decisionReason}</div>}
                </td>
              </tr>
            ) : (
              <SurveyRow key={c.nodeId} row={c} testId="final-survey-row" scoreColumns={2} />
            ),
          )}
        </tbody>
      </table>
      <TotalsBreakdown
        testId="final-breakdown"
        columns={[
          { label: t('colSelf'), totals: f.totals.self },
          { label: t('colAppraised'), totals: f.totals.appraised },
          { label: t('colFinal'), totals: f.totals.final },
        ]}
      />
      <p data-testid="final-totals">{t('finalTotals', { final: formatPoints(f.totals.final.final, lang), classification: bandText(lang, f.totals.final.classification, t('noClassification')) })}</p>
      <p data-testid="final-rank">{f.rank.rank === null ? t('noRank') : t('finalRank', { rank: f.rank.rank, of: f.rank.of })}</p>
    </section>
  );
};
