import { useCallback, useEffect, useState } from 'react';

import type { Assessment } from '../../../../shared/schemas/assessment';
import type { IndicatorSetSummary } from '../../../../shared/schemas/indicator-set-summary';
import type { UnitProfile } from '../../../../shared/schemas/unit';
import { usePlatform, useT } from '../../app/app-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { AssessmentList, CreateAssessmentForm, assessmentListMessages } from '../assessments/index';
import { UnitProfileForm, UnitSummary, unitMessages } from '../unit/index';

type Loaded = { unit: UnitProfile | null; assessments: Assessment[]; sets: IndicatorSetSummary[]; today: string };

/**
 * Start screen. A page, not a capability: it only loads data and composes the unit feature (profile form and
 * card) with the assessments feature (list, create form).
 */
export const HomePage = () => {
  const t = useT(assessmentListMessages);
  const tUnit = useT(unitMessages);
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
        <UnitSummary unit={unit} onEdit={() => setEditing(true)} />
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
        <p className="muted">{tUnit('needUnit')}</p>
      )}
    </div>
  );
};
