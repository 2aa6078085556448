import { formatDateTime, formatNumber } from '../../../../shared/format/index';
import { useLang, useT } from '../../app/app-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { exportMessages } from './messages';
import type { ExportMessageKey } from './messages';
import { NARRATIVE_KEYS, NARRATIVE_MAX } from './use-narrative';
import type { NarrativeState, SaveStatus } from './use-narrative';

const statusKey: Record<SaveStatus, ExportMessageKey> = {
  idle: 'save_idle',
  pending: 'save_pending',
  saving: 'save_saving',
  saved: 'save_saved',
  error: 'save_error',
};

/** The five free-text sections of the report, autosaved; the save state is announced politely. */
export const NarrativeEditor = ({ state, readOnly }: { state: NarrativeState; readOnly: boolean }) => {
  const t = useT(exportMessages);
  const lang = useLang();
  const { narrative, status, updatedAt } = state;
  if (!narrative) return null;
  const statusText =
    (status === 'saved' || status === 'idle') && updatedAt ? t('save_savedAt', { time: formatDateTime(updatedAt, lang) }) : t(statusKey[status]);
  return (
    <section className="card" aria-labelledby="narrative-title">
      <div className="row-between">
        <div>
          <h2 id="narrative-title">{t('narrativeTitle')}</h2>
          <p className="muted small">{t('narrativeIntro')}</p>
        </div>
        <p role="status" className={`save-state save-${status}`} data-testid="narrative-save-state">
          {statusText}
        </p>
      </div>
      {readOnly && <p className="banner banner-warn">{t('locked')}</p>}
      <ErrorBanner error={state.saveError} />
      {status === 'error' && (
        <div className="actions">
          <button type="button" className="btn" onClick={() => void state.flush()}>
            {t('retry')}
          </button>
        </div>
      )}
      {NARRATIVE_KEYS.map((key) => (
        <Field key={key} label={t(key)} hint={t(`${key}Hint`)}>
          {(p) => (
            <>
              <textarea
                {...p}
                className="narrative-text"
                rows={key === 'basis' ? 5 : 6}
                maxLength={NARRATIVE_MAX}
                readOnly={readOnly}
                value={narrative[key]}
                onChange={(e) => state.setField(key, e.target.value)}
                onBlur={() => void state.flush()}
              />
              <span className="small muted char-count" aria-hidden="true">
                {t('chars', { n: formatNumber(narrative[key].length, lang, 0), max: formatNumber(NARRATIVE_MAX, lang, 0) })}
              </span>
            </>
          )}
        </Field>
      ))}
    </section>
  );
};
