import type { EvidenceDocument } from '../../../../shared/schemas/evidence';
import { usePlatform, useT } from '../../app/app-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PdfPreview } from '../../components/PdfPreview';
import { useServedFileUrl } from '../../components/use-served-file';
import { Modal } from './Modal';
import { evidenceMessages } from './messages';

/** An image, fetched by opaque id through the app's own protocol/API (never file://). */
const ImagePreview = ({ doc }: { doc: EvidenceDocument }) => {
  const { api } = usePlatform();
  const { url, error } = useServedFileUrl(doc.id, () => api.evidence.preview({ documentId: doc.id }));
  return (
    <>
      <ErrorBanner error={error} />
      {url && <img className="ev-preview-img" src={url} alt={doc.meta.summary || doc.originalName} data-testid="ev-preview" />}
    </>
  );
};

/**
 * In-app preview of a PDF or image: the backend registers the stored file under an opaque id. A PDF is
 * drawn by pdf.js (components/PdfPreview.tsx), so no script in the file ever runs.
 */
export const PreviewDialog = ({ doc, onClose }: { doc: EvidenceDocument; onClose: () => void }) => {
  const t = useT(evidenceMessages);
  const { api } = usePlatform();
  return (
    <Modal title={t('previewTitle', { name: doc.originalName })} onClose={onClose} wide closeLabel={t('close')}>
      {doc.fileKind === 'pdf' ? (
        <PdfPreview fileKey={doc.id} load={() => api.evidence.preview({ documentId: doc.id })} title={doc.originalName} testId="ev-preview" />
      ) : (
        <ImagePreview doc={doc} />
      )}
    </Modal>
  );
};
