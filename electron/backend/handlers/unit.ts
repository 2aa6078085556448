import { AppFailure } from '../../../shared/ipc/result';
import { deleteSignatureImage, setSealWidth } from '../db/repos/signature-image-repo';
import { getUnitProfile, saveUnitProfile } from '../db/repos/unit-repo';
import { MAX_IMAGE_BYTES, signatureImagesView, storeSignatureImage } from '../services/unit/signature-images';
import { readSingleFile } from './single-file';
import type { HandlerSlice } from './types';

type Channels = 'unit.get' | 'unit.save' | 'unit.getSignatureImages' | 'unit.setSignatureImage' | 'unit.setSealWidth' | 'unit.removeSignatureImage';

const PICK_TITLE = { signature: { vi: 'Chọn ảnh chữ ký (PNG nền trong suốt)', en: 'Choose the signature image (PNG, transparent background)' }, seal: { vi: 'Chọn ảnh con dấu (PNG nền trong suốt)', en: 'Choose the seal image (PNG, transparent background)' } } as const;

export const unitHandlers: HandlerSlice<Channels> = {
  'unit.get': (_input, ctx) => getUnitProfile(ctx.db),
  'unit.save': (input, ctx) => saveUnitProfile(ctx.db, input, ctx.now().toISOString()),
  'unit.getSignatureImages': (_input, ctx) => signatureImagesView(ctx.db),
  'unit.setSignatureImage': async (input, ctx) => {
    if (input.kind === 'signature' && input.widthMm !== undefined) throw AppFailure.of('SIGNATURE_IMAGE_NO_WIDTH');
    const source = input.uploadId ? { kind: 'upload' as const, uploadId: input.uploadId } : { kind: 'dialog' as const };
    const read = async () =>
      (await readSingleFile(ctx, source, { title: PICK_TITLE[input.kind], filters: [{ name: { vi: 'Ảnh PNG', en: 'PNG image' }, extensions: ['png'] }], maxBytes: MAX_IMAGE_BYTES })).data;
    await storeSignatureImage(ctx.db, input.kind, read, input.widthMm, ctx.now().toISOString());
    ctx.logger.info('unit.setSignatureImage', { kind: input.kind });
    return signatureImagesView(ctx.db);
  },
  'unit.setSealWidth': (input, ctx) => {
    if (!setSealWidth(ctx.db, input.widthMm, ctx.now().toISOString())) throw AppFailure.of('SEAL_IMAGE_MISSING');
    return signatureImagesView(ctx.db);
  },
  'unit.removeSignatureImage': (input, ctx) => {
    deleteSignatureImage(ctx.db, input.kind);
    return signatureImagesView(ctx.db);
  },
};
