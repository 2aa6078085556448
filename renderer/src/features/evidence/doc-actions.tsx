import { useCallback, useState } from 'react';

import type { EvidenceDocument } from '../../../../shared/schemas/evidence';
import { usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { canPreview } from './DocumentItem';
import { LinkManyDialog } from './LinkManyDialog';
import { MetadataEditor } from './MetadataEditor';
import { PreviewDialog } from './PreviewDialog';
import { evidenceMessages } from './messages';

/**
 * The per-document actions shared by the panel and the library: preview / open, edit details, use for
 * several criteria. Returns the buttons for one document, the dialogs to render once and the last notice.
 */
export const useDocActions = (assessmentId: string, year: number | null, onChanged: () => void, onError: (e: unknown) => void) => {
  const t = useT(evidenceMessages);
  const platform = usePlatform();
  const [preview, setPreview] = useState<EvidenceDocument | null>(null);
  const [editing, setEditing] = useState<EvidenceDocument | null>(null);
  const [linking, setLinking] = useState<EvidenceDocument | null>(null);
  const [notice, setNotice] = useNote(evidenceMessages);

  const open = useCallback(
    async (d: EvidenceDocument) => {
      try {
        const r = await platform.api.evidence.openExternal({ documentId: d.id });
        if (r.downloadId) await platform.download(r.downloadId, r.fileName);
      } catch (e) {
        onError(e);
      }
    },
    [platform, onError],
  );

  const buttons = (d: EvidenceDocument, readOnly: boolean) => (
    <>
      {canPreview(d) ? (
        <button type="button" className="btn" onClick={() => setPreview(d)} aria-label={`${t('preview')}: ${d.originalName}`}>
          {t('preview')}
        </button>
      ) : (
        <button type="button" className="btn" onClick={() => void open(d)}>
          {platform.kind === 'web' ? t('download') : t('open')}
        </button>
      )}
      {!readOnly && (
        <button type="button" className="btn" onClick={() => setEditing(d)} aria-label={`${t('editMeta')}: ${d.originalName}`}>
          {t('editMeta')}
        </button>
      )}
      {!readOnly && (
        <button
          type="button"
          className="btn"
          onClick={() => {
            setNotice(null);
            setLinking(d);
          }}
          aria-label={`${t('linkMany')}: ${d.originalName}`}
        >
          {t('linkMany')}
        </button>
      )}
    </>
  );

  const dialogs = (
    <>
      {preview && <PreviewDialog doc={preview} onClose={() => setPreview(null)} />}
      {linking && (
        <LinkManyDialog
          assessmentId={assessmentId}
          doc={linking}
          onClose={() => setLinking(null)}
          onLinked={(n) => {
            setNotice((t) => t('linkManyDone', { name: linking.originalName, n }));
            setLinking(null);
            onChanged();
          }}
        />
      )}
      {editing && (
        <MetadataEditor
          doc={editing}
          year={year}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
    </>
  );
  const noticeBanner = notice && (
    <p className="banner banner-ok" role="status" data-testid="ev-notice">
      {notice}
    </p>
  );
  return { buttons, dialogs, noticeBanner };
};
