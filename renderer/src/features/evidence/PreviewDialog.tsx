import type { EvidenceDocument } from '../../../../shared/schemas/evidence';
import { usePlatform, useT } from '../../app/app-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useServedFileUrl } from '../../components/use-served-file';
import { Modal } from './Modal';
import { evidenceMessages } from './messages';

/**
 * In-app preview of a PDF or image: the backend registers the stored file under an opaque id and the
 * renderer fetches it through the app's own protocol/API (never file://).
 */
export const PreviewDialog = ({ doc, onClose }: { doc: EvidenceDocument; onClose: () => void }) => {
  const t = useT(evidenceMessages);
  const { api } = usePlatform();
  const { url, error } = useServedFileUrl(doc.id, () => api.evidence.preview({ documentId: doc.id }));

  return (
    <Modal title={t('previewTitle', { name: doc.originalName })} onClose={onClose} wide closeLabel={t('close')}>
      <ErrorBanner error={error} />
      {url && doc.fileKind === 'pdf' && <iframe className="ev-preview-frame" src={url} title={doc.originalName} data-testid="ev-preview" />}
      {url && doc.fileKind !== 'pdf' && <img className="ev-preview-img" src={url} alt={doc.meta.summary || doc.originalName} data-testid="ev-preview" />}
    </Modal>
  );
};
