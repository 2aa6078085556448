import type { TemplateImportReport } from '../../../../shared/ipc/channels/registry';
import { useT } from '../../app/app-context';
import { registryMessages } from './messages';

/** What an Excel template import did: applied, or every cell to fix (then nothing was stored). */
export const TemplateReport = ({ report }: { report: TemplateImportReport }) => {
  const t = useT(registryMessages);
  return (
    <div data-testid="registry-import-report">
      <p role="status" className={report.applied ? 'banner banner-ok' : 'banner banner-warn'}>
        {report.applied
          ? t('imported', { name: report.fileName, units: report.units, signers: report.signers })
          : t('notImported', { name: report.fileName, count: report.problems.length })}
      </p>
      {report.problems.length > 0 && (
        <table className="registry-table">
          <caption>{t('problemsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sheet')}</th>
              <th scope="col">{t('row')}</th>
              <th scope="col">{t('column')}</th>
              <th scope="col">{t('problem')}</th>
            </tr>
          </thead>
          <tbody>
            {report.problems.slice(0, 200).map((p, i) => (
              <tr key={`${p.sheet}-${p.row}-${p.column}-${i}`}>
                <td>{p.sheet}</td>
                <td className="num">{p.row || '—'}</td>
                <td>{p.column || '—'}</td>
                <td>{t(p.problem)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
};
