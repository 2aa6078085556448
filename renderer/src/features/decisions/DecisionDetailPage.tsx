import { useCallback, useState } from 'react';

import { personOf } from '../../../../shared/domain/distinguished-name';
import type { DecisionDetail } from '../../../../shared/ipc/channels/decisions';
import { formatDate, formatIndex, formatPoints } from '../../../../shared/format/index';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoad } from '../../data/use-load';
import { ItemDecision } from './ItemDecision';
import { decisionsMessages } from './messages';

/** Who signed, as the inbox shows its signer: the name (CN), then the organisation; the full DN only under "details". */
const signerOf = (subject: string): string => {
  const who = personOf(subject);
  return who.organisation && who.organisation !== who.name ? `${who.name} — ${who.organisation}` : who.name;
};

/** Route '/decisions/:rowId' — one unit's giải trình, criterion by criterion, with Sở's decision on each. */
export const DecisionDetailPage = ({ rowId }: { rowId: string }) => {
  const t = useT(decisionsMessages);
  const lang = useLang();
  const platform = usePlatform();
  const loaded = useLoad(useCallback(() => platform.api.decisions.get({ explanationRowId: rowId }), [platform, rowId]));
  const [detail, setDetail] = useState<DecisionDetail | null>(null);
  const d = detail ?? loaded.data;
  return (
    <div className="page decisions-page">
      <p>
        <a href="#/decisions">{t('back')}</a>
      </p>
      <ErrorBanner error={loaded.error} />
      {d && (
        <>
          <section className="card" aria-labelledby="decision-title">
            <h1 id="decision-title">{t('detailTitle', { unit: d.unitName })}</h1>
            <p className="small" data-testid="decision-meta">
              {t('detailMeta', { revision: d.revision, day: formatDate(d.receivedOn), signer: d.signerSubject ? signerOf(d.signerSubject) : '—' })}
            </p>
            {d.signerSubject && (
              <details className="small">
                <summary>{t('signerDn')}</summary>
                <p className="mono" data-testid="decision-signer-dn">
                  {d.signerSubject}
                </p>
              </details>
            )}
            {d.history.length > 0 && <p className="small">{t('history', { list: d.history.map((h) => h.revision).join(', ') })}</p>}
            {d.closed && (
              <p role="status" className="small" data-testid="decision-read-only">
                {t('readOnly')}
              </p>
            )}
            <p data-testid="decision-totals">
              {t('totals', {
                self: formatPoints(d.totals.self.final, lang),
                appraised: formatPoints(d.totals.appraised.final, lang),
                final: formatPoints(d.totals.final.final, lang),
                index: d.totals.final.index === null ? '—' : formatIndex(d.totals.final.index, lang),
              })}
            </p>
          </section>
          {d.items.map((item) => (
            <ItemDecision key={item.nodeId} rowId={d.explanationRowId} item={item} readOnly={d.closed} onSaved={setDetail} />
          ))}
        </>
      )}
    </div>
  );
};
