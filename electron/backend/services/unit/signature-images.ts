import { createHash } from 'node:crypto';

import type { Phrase } from '../../../../shared/ipc/errors/index';
import { AppFailure, isAppFailure } from '../../../../shared/ipc/result';
import { SEAL_WIDTH_MM } from '../../../../shared/schemas/unit';
import type { SignatureImageKind, SignatureImages } from '../../../../shared/schemas/unit';
import type { Db } from '../../db/connection';
import { getSignatureImage, saveSignatureImage } from '../../db/repos/signature-image-repo';
import type { StoredSignatureImage } from '../../db/repos/signature-image-repo';
import { DEFAULT_PNG_LIMITS, validatePng } from '../pades/png-image';

/**
 * The unit's signature and seal images: checked as hostile uploads (services/pades/png-image.ts: size first,
 * then structure, dimensions, 8-bit, transparency, inflated size) and only then stored; a refused image
 * leaves what was stored before untouched.
 */

export const IMAGE_PHRASE: Record<SignatureImageKind, Extract<Phrase, `IMG_${string}`>> = { signature: 'IMG_SIGNATURE', seal: 'IMG_SEAL' };

/** The most bytes read from an upload or a dialog file before validatePng sees it. */
export const MAX_IMAGE_BYTES = DEFAULT_PNG_LIMITS.maxBytes;

const view = (img: StoredSignatureImage) => ({
  width: img.width,
  height: img.height,
  sizeBytes: img.png.length,
  sha256: img.sha256,
  dataUrl: `data:image/png;base64,${img.png.toString('base64')}`,
});

export const signatureImagesView = (db: Db): SignatureImages => {
  const signature = getSignatureImage(db, 'signature');
  const seal = getSignatureImage(db, 'seal');
  return {
    signature: signature ? view(signature) : null,
    seal: seal ? { ...view(seal), widthMm: seal.widthMm ?? SEAL_WIDTH_MM.default } : null,
  };
};

/**
 * Reads the file with `read` (which refuses anything over MAX_IMAGE_BYTES before reading it; that refusal
 * is reworded to name the image), validates the PNG and stores it. The seal keeps the given width, else the
 * one stored before, else the default.
 */
export const storeSignatureImage = async (
  db: Db,
  kind: SignatureImageKind,
  read: () => Promise<Buffer>,
  widthMm: number | undefined,
  now: string,
): Promise<void> => {
  let data: Buffer;
  try {
    data = await read();
  } catch (e) {
    if (isAppFailure(e) && e.code === 'FILE_TOO_LARGE') throw AppFailure.of('PNG_TOO_LARGE', { image: IMAGE_PHRASE[kind], max: MAX_IMAGE_BYTES }, { reason: 'TOO_MANY_BYTES' });
    throw e;
  }
  const info = validatePng(data, IMAGE_PHRASE[kind]);
  const width = kind === 'seal' ? (widthMm ?? getSignatureImage(db, 'seal')?.widthMm ?? SEAL_WIDTH_MM.default) : null;
  saveSignatureImage(
    db,
    { kind, png: data, width: info.width, height: info.height, sha256: createHash('sha256').update(data).digest('hex'), widthMm: width },
    now,
  );
};

/** What a signed report's appearance uses: the signature image, and the seal only beside it. */
export type AppearanceImages = { signatureImage: Uint8Array; seal: { image: Uint8Array; widthMm: number } | null } | null;

export const appearanceImagesOf = (db: Db): AppearanceImages => {
  const signature = getSignatureImage(db, 'signature');
  if (!signature) return null;
  const seal = getSignatureImage(db, 'seal');
  return { signatureImage: signature.png, seal: seal ? { image: seal.png, widthMm: seal.widthMm ?? SEAL_WIDTH_MM.default } : null };
};
