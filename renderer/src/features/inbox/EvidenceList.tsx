import type { InboxDetail } from '../../../../shared/ipc/channels/inbox';
import { formatBytes } from '../../../../shared/format/index';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PdfPreview } from '../../components/PdfPreview';
import { useServedFileUrl } from '../../components/use-served-file';
import { Modal } from '../evidence/index';
import { detailMessages } from './messages';

export type EvidenceItem = InboxDetail['evidence'][number];
type Item = EvidenceItem;

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
 * (components/PdfPreview.tsx) and no script in it ever runs. Opened from this list or from a criterion's row.
 */
export const EvidencePreview = ({ importId, item, onClose }: { importId: string; item: Item; onClose: () => void }) => {
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

/**
 * A file's name as the unit gave it (submission.json evidence[].originalName), then the package path as
 * secondary text; with `onOpen`, the name is the button that opens the preview. Both come from a package,
 * so they are only ever React text, never markup or a path used.
 */
export const EvidenceName = ({ item, onOpen }: { item: Item; onOpen?: () => void }) => {
  const t = useT(detailMessages);
  return (
    <>
      {onOpen ? (
        <button type="button" className="btn-link link-underline" aria-label={t('previewOf', { name: item.originalName })} onClick={onOpen} data-testid="evidence-name">
          {item.originalName}
        </button>
      ) : (
        <span data-testid="evidence-name">{item.originalName}</span>
      )}{' '}
      <span className="mono small muted">({item.path})</span>
    </>
  );
};

/** The bundle's evidence files (display names from submission.json, never used as paths); preview through `onPreview`. */
export const EvidenceList = ({ items, onPreview }: { items: Item[]; onPreview: (item: Item) => void }) => {
  const t = useT(detailMessages);
  const lang = useLang();
  if (items.length === 0) return <p className="muted">{t('noEvidence')}</p>;
  return (
    <table className="inbox-table" data-testid="inbox-evidence">
      <thead>
        <tr>
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
            <td>
              <EvidenceName item={e} />
            </td>
            <td className="num">{formatBytes(e.size, lang)}</td>
            <td className="mono small" title={e.sha256}>
              {e.sha256.slice(0, 16)}…
            </td>
            <td>
              {e.previewable && (
                <button type="button" className="btn" aria-label={t('previewOf', { name: e.originalName })} onClick={() => onPreview(e)}>
                  {t('preview')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
