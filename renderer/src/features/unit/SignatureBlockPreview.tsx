import type { SignatureImages } from '../../../../shared/schemas/unit';
import { useT } from '../../app/app-context';
import { signatureMessages } from './signature-messages';

/**
 * The report's signature block as the signed PDF shows it, at 4/3 px per point (100 % zoom): the title, the
 * space the layout leaves for the signature (electron/backend/services/admin-document/signature.ts: the
 * right column, 272.72 × 80 pt), the name. Inside the space the same geometry as the signed PDF
 * (electron/backend/services/pades/layout.ts, imageLayout): the signature image scaled to fit 90 % of the
 * width and the height, centred; the seal at its actual width, its right edge one third into the signature
 * image, centred on it vertically, drawn over it. Without a signature image, the text appearance.
 */

const PX_PER_PT = 96 / 72;
const PT_PER_MM = 72 / 25.4;
/** textWidth('portrait') − HEADER_LEFT_WIDTH and SIGNATURE_SPACE (admin-document/page.ts). */
const BOX = { w: 272.72, h: 80 };
const PAD = 2;

type Box = { x: number; y: number; w: number; h: number };

/** Boxes in points from the top-left of the signature space (CSS orientation). */
export const previewGeometry = (sig: { width: number; height: number }, seal: { width: number; height: number; widthMm: number } | null) => {
  const bandH = BOX.h - 2 * PAD;
  const scale = Math.min((BOX.w * 0.9) / sig.width, bandH / sig.height);
  const sw = sig.width * scale;
  const sh = sig.height * scale;
  const signature: Box = { x: (BOX.w - sw) / 2, y: PAD + (bandH - sh) / 2, w: sw, h: sh };
  if (!seal) return { signature, seal: null };
  const kw = seal.widthMm * PT_PER_MM;
  const kh = (kw * seal.height) / seal.width;
  return { signature, seal: { x: signature.x + sw / 3 - kw, y: signature.y + sh / 2 - kh / 2, w: kw, h: kh } };
};

const px = (b: Box) => ({ left: b.x * PX_PER_PT, top: b.y * PX_PER_PT, width: b.w * PX_PER_PT, height: b.h * PX_PER_PT });

export type SignatureBlockPreviewProps = { title: string; name: string; organisation: string; images: SignatureImages };

export const SignatureBlockPreview = ({ title, name, organisation, images }: SignatureBlockPreviewProps) => {
  const t = useT(signatureMessages);
  const g = images.signature ? previewGeometry(images.signature, images.seal) : null;
  // A large seal reaches outside the space (the signed PDF grows its widget the same way): keep it in view.
  const out = g?.seal ? { left: Math.max(0, -g.seal.x), top: Math.max(0, -g.seal.y), bottom: Math.max(0, g.seal.y + g.seal.h - BOX.h) } : { left: 0, top: 0, bottom: 0 };
  return (
    <figure className="signature-preview" aria-label={t('previewAlt')} data-testid="signature-preview">
      <p className="signature-preview-line">{title.toLocaleUpperCase('vi')}</p>
      <div className="signature-preview-space" style={{ width: BOX.w * PX_PER_PT, height: BOX.h * PX_PER_PT, margin: `${out.top * PX_PER_PT}px ${out.left * PX_PER_PT}px ${out.bottom * PX_PER_PT}px` }} data-kind={g ? 'images' : 'text'}>
        {g && images.signature ? (
          <>
            <img src={images.signature.dataUrl} alt={t('signatureImageAlt')} style={px(g.signature)} data-testid="preview-signature" />
            {g.seal && images.seal && <img src={images.seal.dataUrl} alt={t('sealImageAlt')} style={px(g.seal)} data-testid="preview-seal" />}
          </>
        ) : (
          <div className="signature-preview-text">
            <div>{t('textSignedBy', { name })}</div>
            <div>{t('textTitle', { title })}</div>
            <div>{t('textOrganisation', { organisation })}</div>
            <div>{t('textTime')}</div>
          </div>
        )}
      </div>
      <p className="signature-preview-line">{name}</p>
    </figure>
  );
};
