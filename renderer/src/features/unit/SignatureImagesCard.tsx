import { useCallback, useState } from 'react';

import { formatBytes } from '../../../../shared/format/index';
import { SEAL_WIDTH_MM } from '../../../../shared/schemas/unit';
import type { SignatureImageKind, SignatureImages, UnitProfile } from '../../../../shared/schemas/unit';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import type { WordingOf } from '../../app/use-note';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { UploadButton } from '../../components/UploadButton';
import { useLoad } from '../../data/use-load';
import { SignatureBlockPreview } from './SignatureBlockPreview';
import { signatureMessages } from './signature-messages';
import './unit.css';

const KINDS: SignatureImageKind[] = ['signature', 'seal'];

/** Whole millimetres in the accepted range, or null: the field's text is kept and the action blocked. */
const parseWidth = (text: string): number | null => {
  if (!/^\d{1,3}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= SEAL_WIDTH_MM.min && n <= SEAL_WIDTH_MM.max ? n : null;
};

/**
 * The head's signature image and the unit's seal image for the visible digital signature (docs/signed-pdf.md):
 * upload (the file goes to the backend by opaque id, which checks it as a hostile PNG and stores nothing it
 * refuses), replace, remove, the seal's actual width, and a preview of the report's signature block.
 */
export const SignatureImagesCard = ({ unit }: { unit: UnitProfile }) => {
  const t = useT(signatureMessages);
  const lang = useLang();
  const { api } = usePlatform();
  const loaded = useLoad(useCallback(() => api.unit.getSignatureImages({}), [api]));
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useNote(signatureMessages);
  const [widthText, setWidthText] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const images = loaded.data;

  const act = async (work: () => Promise<SignatureImages>, done: WordingOf<typeof signatureMessages>) => {
    setError(null);
    setNote(null);
    setBusy(true);
    try {
      const next = await work();
      loaded.set(() => next);
      setNote(done);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!images) return <ErrorBanner error={loaded.error} />;
  const width = widthText ?? String(images.seal?.widthMm ?? SEAL_WIDTH_MM.default);
  const parsedWidth = parseWidth(width);

  return (
    <section className="card" aria-labelledby="signature-images-title" data-testid="signature-images">
      <h2 id="signature-images-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <p className="muted small">{t('requirements')}</p>
      <div className="signature-images-grid">
        <div>
          {KINDS.map((kind) => {
            const img = images[kind];
            return (
              <div className="signature-image-row" key={kind} data-testid={`image-${kind}`}>
                <h3>{t(kind)}</h3>
                <p className="small" data-testid={`image-${kind}-status`}>
                  {img ? t('stored', { width: img.width, height: img.height, size: formatBytes(img.sizeBytes, lang) }) : t('none')}
                </p>
                <div className="actions">
                  <UploadButton
                    label={img ? t('replace') : t('upload')}
                    busyLabel={t('uploading')}
                    accept=".png,image/png"
                    testId={`upload-${kind}`}
                    // a seal upload carries the width typed: blocked while that width is invalid
                    disabled={busy || (kind === 'seal' && parsedWidth === null)}
                    onUploaded={(uploadId) =>
                      act(
                        () => api.unit.setSignatureImage(kind === 'seal' && parsedWidth !== null ? { kind, uploadId, widthMm: parsedWidth } : { kind, uploadId }),
                        (t, lang) => t('savedImage', { what: t(kind).toLocaleLowerCase(lang) }),
                      )
                    }
                    onError={setError}
                  />
                  {img && (
                    <button type="button" className="btn" disabled={busy} onClick={() => void act(() => api.unit.removeSignatureImage({ kind }), (t, lang) => t('removedImage', { what: t(kind).toLocaleLowerCase(lang) }))}>
                      {t('remove')}
                    </button>
                  )}
                </div>
              </div>
            );
          })}
          <form
            className="seal-width"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (parsedWidth !== null) void act(() => api.unit.setSealWidth({ widthMm: parsedWidth }), (t) => t('savedWidth', { mm: parsedWidth }));
            }}
          >
            <Field label={t('sealWidth')} hint={t('sealWidthHint')} {...(parsedWidth === null ? { error: t('sealWidthInvalid') } : {})}>
              {(p) => <input {...p} name="seal-width" inputMode="numeric" value={width} disabled={busy} onChange={(e) => setWidthText(e.target.value)} maxLength={3} />}
            </Field>
            {images.seal && (
              <button type="submit" className="btn" disabled={busy || parsedWidth === null || parsedWidth === images.seal.widthMm}>
                {t('saveWidth')}
              </button>
            )}
          </form>
        </div>
        <div>
          <h3>{t('previewTitle')}</h3>
          <SignatureBlockPreview title={unit.head.title} name={unit.head.name} organisation={unit.name} images={images} />
          {images.seal && !images.signature && (
            <p className="banner banner-warn small" role="status">
              {t('sealNeedsSignature')}
            </p>
          )}
        </div>
      </div>
      <p role="status" className="small export-status" data-testid="signature-images-status">
        {note ?? ''}
      </p>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
    </section>
  );
};
