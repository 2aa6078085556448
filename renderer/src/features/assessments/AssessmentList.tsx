import type { Assessment } from '../../../../shared/schemas/assessment';
import { formatDate } from '../../../../shared/format/index';
import { useT } from '../../app/app-context';
import { assessmentListMessages } from './messages-list';

export type AssessmentListProps = { assessments: Assessment[] };

export const AssessmentList = ({ assessments }: AssessmentListProps) => {
  const t = useT(assessmentListMessages);
  if (assessments.length === 0) return <p className="muted">{t('none')}</p>;
  return (
    <ul className="assessment-list" aria-label={t('assessmentsTitle')}>
      {assessments.map((a) => (
        <li key={a.id} className="assessment-item" data-testid="assessment-item">
          <div>
            <strong>
              {a.year} — {a.indicatorSetName}
            </strong>
            <div className="muted small">
              {t('revision', { n: a.revision })} · {t(`status_${a.status}`)} · {t('updated', { date: formatDate(a.updatedAt) })}
            </div>
            {a.duplicateOf && (
              <div className="small tag" data-testid="assessment-duplicate">
                {t('duplicate')}
              </div>
            )}
          </div>
          <a className="btn" href={`#/a/${encodeURIComponent(a.id)}`} aria-label={`${t('open')}: ${a.year} — ${a.indicatorSetName}`}>
            {t('open')}
          </a>
        </li>
      ))}
    </ul>
  );
};
