import type { PackageTotals } from '../../../../shared/schemas/exchange-common';
import { formatDeduction, formatPoints } from '../../../../shared/format/index';
import { useLang, useT } from '../../app/app-context';
import { replyMessages } from './messages';
import { partsAddUp } from './result-lines';

type Column = { label: string; totals: PackageTotals };

/**
 * How each total is made (shared/domain/ranking.ts): the criteria, the survey points Sở Nội vụ entered, the
 * bonus and the penalty. The survey points are in the self total as well, which is why it can differ from
 * the total of the unit's own self-assessment; the note says so.
 */
export const TotalsBreakdown = ({ columns, testId }: { columns: Column[]; testId: string }) => {
  const t = useT(replyMessages);
  const lang = useLang();
  const line = (label: string, cell: (x: PackageTotals) => string, key: string) => (
    <tr data-testid={`${testId}-${key}`}>
      <th scope="row">{label}</th>
      {columns.map((c) => (
        <td key={c.label} className="num">
          {cell(c.totals)}
        </td>
      ))}
    </tr>
  );
  const survey = columns[0]?.totals.survey ?? 0;
  return (
    <>
      <table className="data-table totals-breakdown" data-testid={testId}>
        <caption>{t('breakdownCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('breakdownPart')}</th>
            {columns.map((c) => (
              <th key={c.label} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {line(t('partCriteria'), (x) => formatPoints(x.self, lang), 'criteria')}
          {line(t('partSurvey'), (x) => formatPoints(x.survey, lang), 'survey')}
          {line(t('partBonus'), (x) => formatPoints(x.bonus, lang), 'bonus')}
          {line(t('partPenalty'), (x) => formatDeduction(x.penalty, lang), 'penalty')}
          {line(t('partTotal'), (x) => formatPoints(x.final, lang), 'total')}
        </tbody>
      </table>
      <p className="small" data-testid={`${testId}-note`}>
        {t('surveyNote', { survey: formatPoints(survey, lang) })}
        {columns.some((c) => !partsAddUp(c.totals)) && ` ${t('capsNote')}`}
      </p>
    </>
  );
};
