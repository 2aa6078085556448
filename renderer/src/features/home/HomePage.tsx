import { useCallback, useEffect, useState } from 'react';

import type { Assessment } from '../../../../shared/schemas/assessment';
import type { IndicatorSetSummary } from '../../../../shared/schemas/indicator-set-summary';
import type { UnitProfile } from '../../../../shared/schemas/unit';
import { usePlatform, useT } from '../../app/app-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { AssessmentList } from './AssessmentList';
import { CreateAssessmentForm } from './CreateAssessmentForm';
import { homeMessages } from './messages';
import { UnitProfileForm } from './UnitProfileForm';

type Loaded = { unit: UnitProfile | null; assessments: Assessment[]; sets: IndicatorSetSummary[]; today: string };

/** Start screen: the unit profile, the list of assessments and the form to create one. */
export const HomePage = () => {
  const t = useT(homeMessages);
  const { api } = usePlatform();
  const [data, setData] = useState<Loaded | null>(null);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [unit, assessments, sets, info] = await Promise.all([
        api.unit.get({}),
        api.assessments.list({}),
        api.indicatorSets.list({}),
        api.app.info({}),
      ]);
      setData({ unit, assessments, sets, today: info.today });
    } catch (e) {
      setError(e);
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!data) return <ErrorBanner error={error} />;
  const { unit } = data;
  return (
    <div className="page">
      <ErrorBanner error={error} />
      {notice && (
        <p className="banner banner-ok" role="status">
          {notice}
        </p>
      )}
      {!unit || editing ? (
        <UnitProfileForm
          initial={unit}
          onSaved={(p) => {
            setData({ ...data, unit: p });
            setEditing(false);
          }}
          {...(unit ? { onCancel: () => setEditing(false) } : {})}
        />
      ) : (
        <section className="card" aria-labelledby="unit-summary">
          <div className="row-between">
            <div>
              <h2 id="unit-summary" data-testid="unit-name">
                {unit.name}
              </h2>
              <p className="muted">
                {unit.code} · {t(`type_${unit.type}`)} · {t('focalPoint')}: {unit.focalPoint.name} · {t('head')}: {unit.head.name}
              </p>
            </div>
            <button type="button" className="btn" onClick={() => setEditing(true)}>
              {t('edit')}
            </button>
          </div>
        </section>
      )}
      <section className="card" aria-labelledby="assessments-title">
        <h2 id="assessments-title">{t('assessmentsTitle')}</h2>
        <AssessmentList assessments={data.assessments} />
      </section>
      {unit ? (
        <CreateAssessmentForm
          sets={data.sets}
          unitType={unit.type}
          defaultYear={Number(data.today.slice(0, 4))}
          previous={data.assessments}
          onCreated={(a, carried) => {
            setData({ ...data, assessments: [a, ...data.assessments] });
            setNotice(carried ? t('carried', { answers: carried.answersCarried, links: carried.evidenceLinks }) : null);
          }}
        />
      ) : (
        <p className="muted">{t('needUnit')}</p>
      )}
    </div>
  );
};
