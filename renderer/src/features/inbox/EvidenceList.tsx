import { useState } from 'react';

import type { InboxDetail } from '../../../../shared/ipc/channels/inbox';
import { formatBytes } from '../../../../shared/format/index';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PdfPreview } from '../../components/PdfPreview';
import { useServedFileUrl } from '../../components/use-served-file';
import { Modal } from '../evidence/index';
import { detailMessages } from './messages';

type Item = InboxDetail['evidence'][number];

/** An imported image, served by opaque id. */
const ImagePreview = ({ importId, item }: { importId: string; item: Item }) => {
  const { api } = usePlatform();
  const { url, error } = useServedFileUrl(`${importId}/${item.path}`, () => api.inbox.previewEvidence({ importId, path: item.path }));
  return (
    <>
      <ErrorBanner error={error} />
      {url && <img className="ev-preview-img" src={url} alt={item.originalName} data-testid="inbox-preview" />}
    </>
  );
};

/**
 * In-app preview of an imported PDF or image — files from other units, so a PDF is drawn by pdf.js
 * (components/PdfPreview.tsx) and no script in it ever runs.
 */
const Preview = ({ importId, item, onClose }: { importId: string; item: Item; onClose: () => void }) => {
  const t = useT(detailMessages);
  const { api } = usePlatform();
  return (
    <Modal title={t('previewTitle', { name: item.originalName })} onClose={onClose} wide closeLabel={t('close')}>
      {item.mediaType === 'application/pdf' ? (
        <PdfPreview
          fileKey={`${importId}/${item.path}`}
          load={() => api.inbox.previewEvidence({ importId, path: item.path })}
          title={item.originalName}
          testId="inbox-preview"
        />
      ) : (
        <ImagePreview importId={importId} item={item} />
      )}
    </Modal>
  );
};

/** The bundle's evidence files (display names from submission.json, never used as paths), with preview. */
export const EvidenceList = ({ importId, items }: { importId: string; items: Item[] }) => {
  const t = useT(detailMessages);
  const lang = useLang();
  const [open, setOpen] = useState<Item | null>(null);
  if (items.length === 0) return <p className="muted">{t('noEvidence')}</p>;
  return (
    <>
      <table className="inbox-table" data-testid="inbox-evidence">
        <thead>
          <tr>
            <th scope="col">{t('code')}</th>
            <th scope="col">{t('fileName')}</th>
            <th scope="col" className="num">{t('size')}</th>
            <th scope="col">SHA-256</th>
            <th scope="col">
              <span className="visually-hidden">{t('preview')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.path}>
              <td className="mono">{e.path}</td>
              <td>{e.originalName}</td>
              <td className="num">{formatBytes(e.size, lang)}</td>
              <td className="mono small" title={e.sha256}>
                {e.sha256.slice(0, 16)}…
              </td>
              <td>
                {e.previewable && (
                  <button type="button" className="btn" aria-label={t('previewOf', { name: e.originalName })} onClick={() => setOpen(e)}>
                    {t('preview')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && <Preview importId={importId} item={open} onClose={() => setOpen(null)} />}
    </>
  );
};
