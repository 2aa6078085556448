import type { ResultSurvey } from '../../../../shared/schemas/appraisal-result';
import { formatPoints } from '../../../../shared/format/index';
import { useLang, useT } from '../../app/app-context';
import { replyMessages } from './messages';

/**
 * A survey line (XHH/SIPAS or an external index, measured and entered by Sở Nội vụ) among the criteria of the
 * result and final tables: never self-scored ("—"); the entered points, or "chưa có điểm", in each column that
 * shows Sở Nội vụ's score (`scoreColumns`: appraised, or appraised and final); then `after` cells; then why.
 */
export const SurveyRow = ({ row, testId, scoreColumns, after = 0 }: { row: ResultSurvey; testId: string; scoreColumns: number; after?: number }) => {
  const t = useT(replyMessages);
  const lang = useLang();
  const points = row.points === null ? t('surveyMissing') : formatPoints(row.points, lang);
  return (
    <tr className="survey-row" data-testid={testId}>
      <td>{row.code}</td>
      <td>{row.title}</td>
      <td className="num">{t('notSelfScored')}</td>
      {Array.from({ length: scoreColumns }, (_, i) => (
        <td key={`s${i}`} className="num">{points}</td>
      ))}
      {Array.from({ length: after }, (_, i) => (
        <td key={`a${i}`} className="num">{t('notSelfScored')}</td>
      ))}
      <td>{t('surveyLine')}</td>
    </tr>
  );
};
