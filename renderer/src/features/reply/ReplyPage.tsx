import { useCallback, useState } from 'react';

import type { ReplyView } from '../../../../shared/ipc/channels/reply';
import { formatDateTime } from '../../../../shared/format/index';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { useLeaveGuard } from '../../app/leave-guard';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoad } from '../../data/use-load';
import { DraftEditor } from './DraftEditor';
import { ExplanationExport } from './ExplanationExport';
import { FinalView } from './FinalView';
import { replyMessages } from './messages';
import { PackageImport } from './PackageImport';
import { ResultTable } from './ResultTable';
import { SelfDiffers } from './SelfDiffers';
import './reply.css';

const ResultSection = ({ view, reload }: { view: ReplyView; reload: () => void }) => {
  const t = useT(replyMessages);
  const lang = useLang();
  const [dirty, setDirty] = useState(false);
  useLeaveGuard(dirty, () => t('leaveQuestion'));
  return (
    <section className="card" aria-labelledby={`result-${view.resultId}`} data-testid="reply-result">
      <h2 id={`result-${view.resultId}`}>{t('resultHeading', { year: view.year, issuer: view.issuer.name, revision: view.revision })}</h2>
      {view.supersededRevisions.length > 0 && <p className="small">{t('superseded', { list: view.supersededRevisions.join(', ') })}</p>}
      <p className="small" data-testid="reply-about-submission">
        {view.submission.exportedAt
          ? t('aboutSubmission', { revision: view.submission.revision, at: formatDateTime(view.submission.exportedAt, lang) })
          : t('aboutSubmissionNoRecord', { revision: view.submission.revision })}
      </p>
      {view.submission.exportedAt && !view.submission.sameFile && (
        <p className="banner banner-warn" role="note" data-testid="reply-other-file">
          {t('otherFile')}
        </p>
      )}
      <SelfDiffers differs={view.submission.selfDiffers} revision={view.submission.revision} testId="reply-self-differs" />
      <ResultTable view={view} />
      {view.final && <FinalView final={view.final} submissionRevision={view.submission.revision} />}
      <DraftEditor key={`${view.resultId}:${view.revision}`} view={view} onSaved={reload} onDirty={setDirty} />
      <ExplanationExport view={view} dirty={dirty} onDone={reload} />
      <PackageImport which="final" onImported={reload} />
    </section>
  );
};

/** "Kết quả thẩm định": the unit's side of the round after its submission (docs/user-guide.md). */
export const ReplyPage = () => {
  const t = useT(replyMessages);
  const platform = usePlatform();
  const load = useCallback(() => platform.api.reply.list({}), [platform]);
  const data = useLoad(load, { keepPrevious: true });
  return (
    <div className="page" data-testid="reply-page">
      <section className="card" aria-labelledby="reply-title">
        <h1 id="reply-title">{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </section>
      <section className="card">
        <PackageImport which="result" onImported={data.reload} />
      </section>
      <ErrorBanner error={data.error} />
      {data.data && data.data.results.length === 0 && <p className="muted">{t('none')}</p>}
      {data.data?.results.map((v) => <ResultSection key={v.resultId} view={v} reload={data.reload} />)}
    </div>
  );
};
