import { PdfArray, PdfDict, PdfName, PdfNumber } from '@libpdf/core';
import type { EmbeddedFont, PDF, PDFPage, PdfRef } from '@libpdf/core';

import type { Phrase } from '../../../../shared/ipc/errors/index';
import { AppFailure } from '../../../../shared/ipc/result';
import { attachmentLayout, imageLayout, textOnlyLayout } from './layout';
import type { Layout, Measure } from './layout';
import { validatePng } from './png-image';
import type { AppearanceFonts, Nd30Appearance, Placement, SignPdfOptions } from './types';
import { isoVietnam } from './vietnam-time';

/**
 * Builds the widget's normal appearance (/AP /N): a Form XObject drawing the layout of layout.ts with the
 * given fonts (embedded as subset Type0/Identity-H with ToUnicode by @libpdf/core, so Vietnamese text both
 * renders and extracts) and PNG images (libpdf turns the alpha channel into an /SMask).
 */

export type BuiltAppearance = { rect: [number, number, number, number]; stream: PdfRef };

const num = (n: number): string => String(Math.round(n * 100) / 100);

type Fonts = { measure: Measure; pick: (bold: boolean) => { font: EmbeddedFont; name: string } };

/** Fonts are embedded on first use, so an unused bold face adds nothing to the file. */
const loadFonts = (doc: PDF, files: AppearanceFonts): Fonts => {
  const cache = new Map<string, EmbeddedFont>();
  const embed = (bytes: Uint8Array, name: string): EmbeddedFont => {
    const hit = cache.get(name);
    if (hit) return hit;
    try {
      const font = doc.embedFont(bytes);
      cache.set(name, font);
      return font;
    } catch {
      throw AppFailure.of('SIGNATURE_FONT_UNREADABLE');
    }
  };
  const pick = (b: boolean) => (b && files.bold ? { font: embed(files.bold, 'F2'), name: 'F2' } : { font: embed(files.regular, 'F1'), name: 'F1' });
  return { measure: (t, s, b) => pick(b).font.widthOfTextAtSize(t, s), pick };
};

/** Text the font cannot draw would silently vanish from the appearance: refuse it instead. */
const requireGlyphs = (fonts: Fonts, texts: { text: string; bold: boolean }[]): void => {
  for (const t of texts) {
    const missing = fonts.pick(t.bold).font.getUnencodableCharacters(t.text);
    if (missing.length > 0) {
      throw AppFailure.of('SIGNATURE_FONT_MISSING_GLYPHS', { chars: [...new Set(missing)].join(' ') }, { missing });
    }
  }
};

const nonEmpty = (value: string, label: Extract<Phrase, `SIG_${string}`>): string => {
  const v = value.normalize('NFC').trim();
  if (!v) throw AppFailure.of('SIGNATURE_FIELD_MISSING', { what: label });
  return v;
};

const nd30Layout = (
  a: Nd30Appearance,
  placement: Placement,
  when: Date,
  fonts: Fonts,
  images: { signature?: { width: number; height: number }; seal?: { width: number; height: number } },
): Layout => {
  if (placement === 'first-page-top-right') {
    throw AppFailure.of('SIGNATURE_NEEDS_PLACEMENT');
  }
  const title = nonEmpty(a.title, 'SIG_TITLE');
  const name = nonEmpty(a.name, 'SIG_NAME');
  const organisation = nonEmpty(a.organisation, 'SIG_ORGANISATION');
  if (!images.signature) {
    const lines = [`Ký bởi: ${name}`, `Chức vụ: ${title}`, `Cơ quan: ${organisation}`, `Thời gian ký: ${isoVietnam(when)}`];
    requireGlyphs(fonts, lines.map((text) => ({ text, bold: false })));
    return textOnlyLayout(placement.rect, lines, fonts.measure);
  }
  const labels = a.showTitleAndName === false ? null : { title, name };
  if (labels) requireGlyphs(fonts, [{ text: title, bold: true }, { text: name, bold: true }]);
  const seal = a.seal && images.seal ? { ...images.seal, widthMm: a.seal.widthMm } : null;
  return imageLayout(placement.rect, labels, images.signature, seal, fonts.measure);
};

export const buildAppearance = (doc: PDF, page: PDFPage, opts: SignPdfOptions): BuiltAppearance => {
  const fonts = loadFonts(doc, opts.fonts);
  const a = opts.appearance;
  const embedded: { name: string; ref: PdfRef; which: 'signature' | 'seal' }[] = [];
  let layout: Layout;
  if (a.kind === 'attachment') {
    const lines = [nonEmpty(a.documentNumber, 'SIG_DOCUMENT_NUMBER'), isoVietnam(opts.signingTime)];
    requireGlyphs(fonts, lines.map((text) => ({ text, bold: false })));
    const box = page.getCropBox();
    layout =
      opts.placement === 'first-page-top-right'
        ? attachmentLayout([box.x, box.y, box.x + box.width, box.y + box.height], lines, fonts.measure)
        : textOnlyLayout(opts.placement.rect, lines, fonts.measure);
  } else {
    if (a.seal && !a.signatureImage) throw AppFailure.of('SEAL_WITHOUT_SIGNATURE');
    if (a.seal && !(a.seal.widthMm >= 10 && a.seal.widthMm <= 80)) {
      throw AppFailure.of('SEAL_SIZE');
    }
    const sigInfo = a.signatureImage ? validatePng(a.signatureImage, 'IMG_SIGNATURE') : undefined;
    const sealInfo = a.seal ? validatePng(a.seal.image, 'IMG_SEAL') : undefined;
    layout = nd30Layout(a, opts.placement, opts.signingTime, fonts, {
      ...(sigInfo ? { signature: sigInfo } : {}),
      ...(sealInfo ? { seal: sealInfo } : {}),
    });
    if (a.signatureImage) embedded.push({ name: 'Im1', ref: doc.embedPng(a.signatureImage).ref, which: 'signature' });
    if (a.seal) embedded.push({ name: 'Im2', ref: doc.embedPng(a.seal.image).ref, which: 'seal' });
  }
  const ops: string[] = [];
  // Signature first, seal over it (a stamp on ink), text last so nothing hides the name.
  for (const box of [...layout.images].sort((x, y) => (x.which === 'seal' ? 1 : 0) - (y.which === 'seal' ? 1 : 0))) {
    const im = embedded.find((e) => e.which === box.which)!;
    ops.push(`q ${num(box.w)} 0 0 ${num(box.h)} ${num(box.x)} ${num(box.y)} cm /${im.name} Do Q`);
  }
  const usedFonts = new Map<string, EmbeddedFont>();
  for (const t of layout.texts) {
    const { font, name } = fonts.pick(t.bold);
    usedFonts.set(name, font);
    const hex = font
      .encodeTextToGids(t.text)
      .map((g) => g.toString(16).padStart(4, '0'))
      .join('');
    ops.push(`BT /${name} ${num(t.size)} Tf 0 g ${num(t.x)} ${num(t.y)} Td <${hex}> Tj ET`);
  }
  const [x1, y1, x2, y2] = layout.rect;
  const resources = PdfDict.of({
    Font: PdfDict.of(Object.fromEntries([...usedFonts].map(([n, f]) => [n, f.ref]))),
    XObject: PdfDict.of(Object.fromEntries(embedded.map((e) => [e.name, e.ref]))),
  });
  const stream = doc.createStream(
    {
      Type: PdfName.of('XObject'),
      Subtype: PdfName.of('Form'),
      BBox: PdfArray.of(PdfNumber.of(0), PdfNumber.of(0), PdfNumber.of(x2 - x1), PdfNumber.of(y2 - y1)),
      Resources: resources,
    },
    new TextEncoder().encode(ops.join('\n')),
  );
  return { rect: layout.rect, stream };
};
