import { useState } from 'react';

import type { ResultsExportOutcome } from '../../../../shared/ipc/channels/results';
import type { UnitType } from '../../../../shared/schemas/unit';
import { useLang, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { refusalMessage } from '../../components/ErrorBanner';
import { resultsMessages } from './messages';
import { ResultsExportRunner } from './ResultsExportRunner';

/**
 * "Xuất kết quả thẩm định cả khối": one job for every unit of the block in the year (folder chosen in the
 * app; a download per package in the browser); afterwards the units that failed, each with its reason.
 */
export const BlockResultsExport = ({ year, block, blockName, count, onDone }: { year: number; block: UnitType; blockName: string; count: number; onDone: () => void }) => {
  const t = useT(resultsMessages);
  const lang = useLang();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useNote(resultsMessages);
  const [outcome, setOutcome] = useState<ResultsExportOutcome | null>(null);
  if (count === 0) return null;
  return (
    <div className="results-block" data-testid="results-block">
      <p className="small muted">{t('blockHint')}</p>
      {!open && (
        <button type="button" className="btn" onClick={() => { setOpen(true); setOutcome(null); setNote(null); }}>
          {t('sendBlock', { block: blockName, n: count })}
        </button>
      )}
      {open && (
        <ResultsExportRunner
          scope={{ kind: 'block', year, block }}
          onBack={() => setOpen(false)}
          onFinished={(o, msg) => {
            setOpen(false);
            setOutcome(o);
            setNote(msg);
            onDone();
          }}
        />
      )}
      <p role="status" className="small" data-testid="results-block-note">
        {note}
      </p>
      {outcome && outcome.failures.length > 0 && (
        <div className="banner banner-warn" role="alert" data-testid="results-block-failures">
          {t('blockFailed', { n: outcome.failures.length })}
          <ul>
            {outcome.failures.map((f) => (
              <li key={f.importId}>{refusalMessage({ ...f.error, params: f.error.params }, lang)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
};
