import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { normalizeModel } from '../../../../shared/domain/report/format';
import type { ReportModel } from '../../../../shared/domain/report/model';
import { FONT_FILES, resolveFontDir } from '../admin-document/fonts';
import { signPdf } from '../pades/sign-pdf';
import type { Nd30Appearance } from '../pades/types';
import type { Signer } from '../signing/signer';
import type { AppearanceImages } from '../unit/signature-images';
import { buildReportPdf } from './pdf/document';

export type SignedReportOptions = {
  signer: Signer;
  /** The claimed signing time (/M and the text appearance); the bundle passes its own `now`. */
  signingTime: Date;
  /** The unit's signature and seal images (unit profile or CLI flags); null: the text-only appearance. */
  images: AppearanceImages;
  resourcesDir?: string;
};

/**
 * The FINAL report PDF, PAdES-signed (services/pades, docs/signed-pdf.md) with its visible signature in the
 * space the layout leaves between the signer's title and name (admin-document/signature-slot.ts): the
 * signature image and seal when the unit has them (the report already prints title and name around the
 * box), otherwise the text block. A draft is never signed: buildReportPdf refuses a report with gaps.
 * Loaded lazily (services/office-loader.ts): it pulls in pdfmake, fontkit and @libpdf/core.
 */
export const buildSignedReportPdf = async (model: ReportModel, o: SignedReportOptions): Promise<Uint8Array> => {
  const m = normalizeModel(model);
  const rendered = await buildReportPdf(model, o.resourcesDir ? { resourcesDir: o.resourcesDir } : {});
  const fontDir = resolveFontDir(o.resourcesDir);
  const appearance: Nd30Appearance = {
    kind: 'nd30',
    title: m.document.signer.title.trim(),
    name: m.document.signer.name.trim(),
    organisation: m.unit.name.trim(),
    ...(o.images
      ? { signatureImage: o.images.signatureImage, ...(o.images.seal ? { seal: o.images.seal } : {}), showTitleAndName: false }
      : {}),
  };
  return signPdf(rendered.data, {
    signer: o.signer,
    signingTime: o.signingTime,
    placement: rendered.signature,
    appearance,
    fonts: { regular: readFileSync(join(fontDir, FONT_FILES.normal)), bold: readFileSync(join(fontDir, FONT_FILES.bold)) },
    reason: `Ký báo cáo tự đánh giá Chỉ số cải cách hành chính năm ${m.year}`,
    ...(m.document.place.trim() ? { location: m.document.place.trim() } : {}),
  });
};
