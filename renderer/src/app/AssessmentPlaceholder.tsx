import { useEffect, useState } from 'react';

import type { Assessment } from '../../../shared/schemas/assessment';
import { ErrorBanner } from '../components/ErrorBanner';
import { formatDate } from '../i18n/format';
import { defineMessages } from '../i18n/messages';
import { usePlatform, useT } from './app-context';

const m = defineMessages({
  vi: { back: '← Danh sách', year: 'Năm {year}', created: 'Tạo ngày {date}' },
  en: { back: '← List', year: 'Year {year}', created: 'Created {date}' },
});

/** Minimal assessment page of the first slice; the dashboard feature replaces this route. */
export const AssessmentPlaceholder = ({ assessmentId }: { assessmentId: string }) => {
  const t = useT(m);
  const { api } = usePlatform();
  const [a, setA] = useState<Assessment | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.assessments.get({ assessmentId }).then(setA, setError);
  }, [api, assessmentId]);
  return (
    <div className="page">
      <a href="#/">{t('back')}</a>
      <ErrorBanner error={error} />
      {a && (
        <section className="card">
          <h2>{a.indicatorSetName}</h2>
          <p>
            {t('year', { year: a.year })} · {t('created', { date: formatDate(a.createdAt) })}
          </p>
        </section>
      )}
    </div>
  );
};
