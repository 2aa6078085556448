import { addUnit, loadSample, openYear, registryView, requireUnit, revokeSigner } from '../services/registry/register';
import { exportTemplate, importTemplate, MAX_TEMPLATE_BYTES } from '../services/registry/template-import';
import { trustBundleSigner } from '../services/registry/trust-bundle-signer';
import { readSingleFile } from './single-file';
import type { HandlerSlice } from './types';

type Channels =
  | 'registry.list'
  | 'registry.openYear'
  | 'registry.addUnit'
  | 'registry.loadSample'
  | 'registry.revokeSigner'
  | 'registry.importTemplate'
  | 'registry.exportTemplate'
  | 'registry.trustBundleSigner';

/** Sở Nội vụ's register of units and signers per year (services/registry). */
export const registryHandlers: HandlerSlice<Channels> = {
  'registry.list': (input, ctx) => registryView(ctx, input.year),
  'registry.openYear': (input, ctx) => openYear(ctx, input.year),
  'registry.addUnit': (input, ctx) => addUnit(ctx, input.year, { code: input.code, name: input.name, block: input.block }),
  'registry.loadSample': (input, ctx) => loadSample(ctx, input.year),
  'registry.revokeSigner': (input, ctx) => revokeSigner(ctx, input.signerId),

  'registry.importTemplate': async (input, ctx) => {
    const file = await readSingleFile(ctx, input.source, {
      title: { vi: 'Chọn mẫu Excel danh sách đơn vị và người ký', en: 'Choose the Excel template listing units and signers' },
      filters: [{ name: { vi: 'Bảng tính Excel', en: 'Excel spreadsheet' }, extensions: ['xlsx'] }],
      maxBytes: MAX_TEMPLATE_BYTES,
    });
    return importTemplate(ctx, input.year, file);
  },

  'registry.exportTemplate': (input, ctx) => ctx.jobs.start('registry.exportTemplate', (ctl) => exportTemplate(ctx, input.year, ctl)),

  // The uploaded bundle stays registered after a refused import, so the appraiser can decide on its signer.
  'registry.trustBundleSigner': (input, ctx) => {
    const file = ctx.uploads.get(input.uploadId).path;
    requireUnit(ctx, input.year, input.unitCode);
    return ctx.jobs.start('registry.trustBundleSigner', (ctl) => trustBundleSigner(ctx, file, { year: input.year, unitCode: input.unitCode }, { signal: ctl.signal }));
  },
};
