import type { VerifyResult } from '../../../../shared/schemas/submission';
import { formatBytes, formatDateTime, formatIndex, formatPoints } from '../../../../shared/format/index';
import { useLang, useT } from '../../app/app-context';
import { SignerDetails, StatusBanner } from '../submission/index';
import { verifyMessages } from './messages';

/** The verdict (large), then who signed, what the bundle declares and every file with its size and SHA-256. */
export const VerifyResultView = ({ result, fileName }: { result: VerifyResult; fileName: string | null }) => {
  const t = useT(verifyMessages);
  const lang = useLang();
  const s = result.submission;
  const x = result.exchange;
  return (
    <section className="card verify-result" aria-labelledby="verify-result-title" data-testid="verify-result">
      <h2 id="verify-result-title" className="visually-hidden">
        {t('title')}
      </h2>
      {fileName && <p className="small muted">{t('checkedFile', { name: fileName })}</p>}
      <StatusBanner
        status={result.status}
        code={result.code}
        message={result.message}
        warnings={result.warnings.map((w) => w.code)}
        testId="verify-verdict"
        warningsTestId="verify-warnings"
      />
      <p className="small" data-testid="verify-kind">
        {t('packageKind', { kind: t(`kind_${result.kind ?? 'submission'}`) })}
      </p>
      {result.detail && <p className="small muted" data-testid="verify-detail">{t('detail', { detail: result.detail })}</p>}
      <h3>{t('signer')}</h3>
      {result.signer ? <SignerDetails signer={result.signer} testId="verify-signer" /> : <p className="muted">{t('noSigner')}</p>}
      {result.signingTime && <p className="small">{t('signingTime', { time: formatDateTime(result.signingTime, lang) })}</p>}
      {result.chain.length > 0 && (
        <>
          <h4>{t('chain')}</h4>
          <ol className="small chain">
            {result.chain.map((c, i) => (
              <li key={`${i}-${c}`}>{c}</li>
            ))}
          </ol>
        </>
      )}
      {s && (
        <>
          <h3>{t('submission')}</h3>
          <dl className="cert-details" data-testid="verify-submission">
            <dt>{t('agency')}</dt>
            <dd>
              {s.agency.name} ({s.agency.code})
            </dd>
            <dt>{t('period')}</dt>
            <dd>{s.period}</dd>
            <dt>{t('set')}</dt>
            <dd>{t('setValue', { id: s.indicatorSet.id, version: s.indicatorSet.version })}</dd>
            <dt>{t('revision')}</dt>
            <dd>{s.revision}</dd>
            <dt>{t('submissionId')}</dt>
            <dd className="mono">{s.submissionId}</dd>
          </dl>
        </>
      )}
      {x && (
        <>
          <h3>{t('exchange')}</h3>
          <dl className="cert-details" data-testid="verify-exchange">
            <dt>{t('agency')}</dt>
            <dd>{t('exchangeUnit', { name: x.unit.name, code: x.unit.code, year: x.year, revision: x.revision })}</dd>
            {x.issuer && (
              <>
                <dt>{t('exchangeIssuer')}</dt>
                <dd>
                  {x.issuer.name} ({x.issuer.code})
                </dd>
              </>
            )}
          </dl>
          <p className="small">
            {x.final
              ? t('exchangeTotal', { points: formatPoints(x.final.points, lang), index: x.final.index === null ? '—' : `${formatIndex(x.final.index, lang)} %`, rank: x.final.rank ?? '—', of: x.final.of, items: x.items })
              : t('exchangeItems', { items: x.items, evidence: x.evidence })}
          </p>
        </>
      )}
      {result.bundleSha256 && (
        <p className="small">
          {t('bundleSha')}: <span className="mono fingerprint">{result.bundleSha256}</span>
        </p>
      )}
      {result.files.length > 0 && (
        <>
          <h3>{t('files', { n: result.files.length })}</h3>
          <div className="table-wrap">
            <table className="data-table" data-testid="verify-files">
              <thead>
                <tr>
                  <th scope="col">{t('colPath')}</th>
                  <th scope="col">{t('colName')}</th>
                  <th scope="col">{t('colSize')}</th>
                  <th scope="col">{t('colSha')}</th>
                </tr>
              </thead>
              <tbody>
                {result.files.map((f) => (
                  <tr key={f.path}>
                    <td className="mono">{f.path}</td>
                    <td>{f.originalName ?? ''}</td>
                    <td className="num">{formatBytes(f.size, lang)}</td>
                    <td className="mono fingerprint small">{f.sha256}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
};
