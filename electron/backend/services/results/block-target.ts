import { join } from 'node:path';

import { AppFailure } from '../../../../shared/ipc/result';
import type { BackendContext } from '../../context';
import type { SaveTarget } from '../../host';

const TITLE = { vi: 'Chọn thư mục lưu các gói kết quả thẩm định', en: 'Choose the folder for the appraisal result packages' };

/**
 * Where the packages of a block export go: one folder chosen in the app's own dialog (the path never comes
 * from the renderer), each package named by result-content.ts `resultFileName`; the web host has no
 * folders, so each package becomes its own download (electron/webhost/host-web.ts). Null choice: cancelled.
 */
export const chooseBlockTarget = async (ctx: BackendContext): Promise<(fileName: string) => Promise<SaveTarget>> => {
  if (ctx.host.pickFolder) {
    const folder = await ctx.host.pickFolder({ title: TITLE });
    if (!folder) throw AppFailure.of('RESULTS_EXPORT_CANCELLED');
    return async (fileName) => ({ path: join(folder, fileName) });
  }
  return async (fileName) => {
    const t = await ctx.host.chooseSaveTarget({ title: { vi: 'Lưu gói kết quả thẩm định', en: 'Save the appraisal result package' }, defaultName: fileName, filters: [{ name: { vi: 'Gói ký số', en: 'Signed package' }, extensions: ['asice'] }] });
    if (!t) throw AppFailure.of('RESULTS_EXPORT_CANCELLED');
    return t;
  };
};
