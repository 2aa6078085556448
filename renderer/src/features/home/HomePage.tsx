import { useCallback, useState } from 'react';

import type { Assessment } from '../../../../shared/schemas/assessment';
import type { IndicatorSetSummary } from '../../../../shared/schemas/indicator-set-summary';
import type { UnitProfile } from '../../../../shared/schemas/unit';
import { usePlatform, useT } from '../../app/app-context';
import { setFlash } from '../../app/flash';
import { RoleChooser } from '../../app/RoleChooser';
import { navigate } from '../../app/router';
import { ErrorBanner } from '../../components/ErrorBanner';
import { translate } from '../../i18n/messages';
import { useLoad } from '../../data/use-load';
import { AssessmentList, CreateAssessmentForm, assessmentListMessages, dashboardHref } from '../assessments/index';
import { SignatureImagesCard, UnitProfileForm, UnitSummary, unitMessages } from '../unit/index';
import { Welcome } from './Welcome';

type Loaded = { unit: UnitProfile | null; assessments: Assessment[]; sets: IndicatorSetSummary[]; today: string; dataDir: string };

/**
 * Start screen. A page, not a capability: it only loads data and composes the unit feature (profile form and
 * card) with the assessments feature (list, create form); on first start, the welcome above the profile form.
 */
export const HomePage = () => {
  const t = useT(assessmentListMessages);
  const tUnit = useT(unitMessages);
  const { api } = usePlatform();
  const [editing, setEditing] = useState(false);
  const home = useLoad(
    useCallback(async (): Promise<Loaded> => {
      const [unit, assessments, sets, info] = await Promise.all([
        api.unit.get({}),
        api.assessments.list({}),
        api.indicatorSets.list({}),
        api.app.info({}),
      ]);
      return { unit, assessments, sets, today: info.today, dataDir: info.dataDirLabel };
    }, [api]),
  );

  const data = home.data;
  if (!data) return <ErrorBanner error={home.error} />;
  const { unit } = data;
  return (
    <div className="page">
      {!unit && <Welcome dataDir={data.dataDir} />}
      <RoleChooser />
      {!unit || editing ? (
        <UnitProfileForm
          initial={unit}
          onSaved={(p) => {
            home.set((d) => ({ ...d, unit: p }));
            setEditing(false);
          }}
          {...(unit ? { onCancel: () => setEditing(false) } : {})}
        />
      ) : (
        <>
          <UnitSummary unit={unit} onEdit={() => setEditing(true)} />
          <SignatureImagesCard unit={unit} />
        </>
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
            // Straight to the new assessment: its dashboard shows what was carried forward.
            if (carried) setFlash((lang) => translate(assessmentListMessages, lang, 'carried', { answers: carried.answersCarried, links: carried.evidenceLinks }));
            navigate(dashboardHref(a.id));
          }}
        />
      ) : (
        <p className="muted">{tUnit('needUnit')}</p>
      )}
    </div>
  );
};
