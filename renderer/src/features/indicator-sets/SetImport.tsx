import { useState } from 'react';

import type { SetImportError, SetImportResult } from '../../../../shared/ipc/channels/indicator-sets';
import { usePlatform, useT } from '../../app/app-context';
import { UploadButton } from '../../components/UploadButton';
import { setsMessages } from './messages';

type Props = { onImported: (r: SetImportResult) => void; onError: (e: unknown) => void };

/** File input → upload → 'indicatorSets.import'; shows the result or every error with its location. */
export const SetImport = ({ onImported, onError }: Props) => {
  const t = useT(setsMessages);
  const { api } = usePlatform();
  const [result, setResult] = useState<SetImportResult | null>(null);

  const where = (e: SetImportError): string => {
    if (e.sheet) return t('sheetRowCol', { sheet: e.sheet, row: e.row ?? '', column: e.column ?? '' });
    const parts = [e.nodeCode ? t('node', { code: e.nodeCode }) : '', e.field ? t('field', { field: e.field }) : ''].filter(Boolean);
    return parts.join(', ');
  };

  return (
    <section className="card" aria-labelledby="set-import-title">
      <h2 id="set-import-title">{t('importTitle')}</h2>
      <p className="muted small">{t('importIntro')}</p>
      <UploadButton
        primary
        label={t('chooseFile')}
        busyLabel={t('importing')}
        accept=".json,.xlsx"
        testId="set-import-input"
        onError={onError}
        onUploaded={async (uploadId) => {
          setResult(null);
          const r = await api.indicatorSets.import({ source: { kind: 'upload', uploadId } });
          setResult(r);
          if (r.imported) onImported(r);
        }}
      />
      <div data-testid="set-import-result">
        {result?.imported && result.set && (
          <p role="status" className="banner banner-ok">
            {t(result.unchanged ? 'unchanged' : 'imported', { name: result.set.name, version: result.set.version })}
          </p>
        )}
        {result && !result.imported && (
          <div role="alert" className="banner banner-error sets-errors">
            <p>{t('invalid', { name: result.fileName, n: result.errors.length })}</p>
            <table className="sets-table">
              <thead>
                <tr>
                  <th scope="col">{t('where')}</th>
                  <th scope="col">{t('problem')}</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.slice(0, 200).map((e, i) => (
                  <tr key={i}>
                    <td>{where(e)}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
};
