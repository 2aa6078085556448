import type { UnitProfile } from '../../../../shared/schemas/unit';
import { useT } from '../../app/app-context';
import { unitMessages } from './messages';

export type UnitSummaryProps = { unit: UnitProfile; onEdit: () => void };

/** The saved unit profile in one card, with the button that opens the form again. */
export const UnitSummary = ({ unit, onEdit }: UnitSummaryProps) => {
  const t = useT(unitMessages);
  return (
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
        <button type="button" className="btn" onClick={onEdit}>
          {t('edit')}
        </button>
      </div>
    </section>
  );
};
